// The map: located events on country outlines shipped with the package (no tiles, offline),
// one marker per place of /api/places; a marker lists its events (near=LAT,LON&within=0).
/* global L, topojson */
import { get, getAll } from "./api.js";
import { eventTable } from "./events.js";
import { el, fill } from "./dom.js";
import { QUADS, quadColour } from "./colours.js";
import { filterParams } from "./state.js";

const OUTLINES = "/static/vendor/world-atlas/countries-110m.json";
/** Precisions of a point the place stands for; coarser ones are drawn dashed. */
const EXACT = ["city", "point", "site"];
/** Radius in pixels of the marker of the place with the most reports (and the least). */
const LARGEST = 26;
const SMALLEST = 4;

/** A ring or line whose longitudes run on across the antimeridian instead of jumping back
 * (Leaflet would draw the jump as a line around the world). */
function unwrapped(points) {
  let shift = 0;
  return points.map(([lon, lat], i) => {
    if (i > 0) {
      const previous = points[i - 1][0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

/** Country outlines as GeoJSON without antimeridian jumps, Antarctica left out. */
export function countryOutlines(world) {
  const countries = topojson.feature(world, world.objects.countries);
  countries.features = countries.features.filter((country) => country.id !== "010");
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapped);
    if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map((polygon) => polygon.map(unwrapped));
    }
  }
  return countries;
}

/** The id of a place: its coordinates, precision and name. */
function placeId(place) {
  return `${place.lat},${place.lon},${place.precision},${place.name}`;
}

/** The commonest quad of a place's events (the more conflictual one on a tie). */
function commonestQuad(place) {
  return Object.entries(place.quads).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

export class MapView {
  /** `filterTo(near)` sets the filters to the events at coordinates "LAT,LON". */
  constructor(root, summary, listing, open, filterTo) {
    this.root = root;
    this.summary = summary;
    this.listing = listing;
    this.open = open;
    this.filterTo = filterTo;
    this.map = L.map(root, { attributionControl: false, worldCopyJump: true, minZoom: 1 })
      .setView([25, 20], 2);
    this.outlines = fetch(OUTLINES).then((response) => response.json()).then((world) => {
      L.geoJSON(countryOutlines(world), {
        interactive: false,
        style: { className: "country", weight: 0.6 },
      }).addTo(this.map);
    });
    this.layer = L.layerGroup().addTo(this.map);
    new ResizeObserver(() => this.map.invalidateSize()).observe(root);
    this.addLegend();
  }

  addLegend() {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => el("div", { class: "map-legend" },
      el("div", {}, el("span", { class: "legend-marker exact" }), "city or finer"),
      el("div", {}, el("span", { class: "legend-marker coarse" }),
        "region or country (dashed)"),
      el("div", { class: "muted", text: "size: reports of the events there" }),
      el("div", { class: "muted", text: "outlines: Natural Earth 1:110m" }));
    legend.addTo(this.map);
  }

  async load(state) {
    this.state = state;
    const answer = await get("/api/places", filterParams(state));
    await this.outlines;
    this.layer.clearLayers();
    fill(this.listing);
    const most = Math.max(1, ...answer.items.map((place) => place.reports));
    const radius = (reports) => SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(reports / most);
    // the largest first, so that smaller markers stay on top and clickable
    const places = [...answer.items].sort((a, b) => b.reports - a.reports);
    for (const place of places) this.addMarker(place, radius(place.reports));
    fill(this.summary,
      el("span", { "data-markers": places.length, "data-located": answer.located },
        `${places.length} places on the map (${answer.located} of ${answer.count} events`
        + " located); click a marker to list its events"));
    this.map.invalidateSize();
    if (places.length) {
      const bounds = L.latLngBounds(places.map((place) => [place.lat, place.lon]));
      this.map.fitBounds(bounds.pad(0.3), { maxZoom: 5 });
    }
  }

  addMarker(place, radius) {
    const exact = EXACT.includes(place.precision);
    const quad = commonestQuad(place);
    const id = placeId(place);
    const circle = L.circleMarker([place.lat, place.lon], {
      radius,
      color: quadColour(quad),
      fillColor: quadColour(quad),
      fillOpacity: exact ? 0.7 : 0.35,
      weight: 2,
      dashArray: exact ? null : "4 3",
      className: `marker precision-${exact ? "exact" : "coarse"}`,
    });
    const near = `${place.lat},${place.lon}`;
    circle.bindPopup(() => el("div", { class: "popup", "data-marker": id },
      el("strong", { text: place.name }),
      el("div", { class: "muted",
        text: `${place.precision} precision${place.country ? `, ${place.country}` : ""}` }),
      el("div", { text: `${place.events} events, ${place.reports} reports` }),
      el("ul", {}, Object.entries(place.quads).filter(([, count]) => count).map(
        ([key, count]) => el("li", { text: `${count} ${QUADS[key]}` }))),
      el("button", { type: "button", class: "linkish filter-place",
        text: `Filter to this place (near=${near}, within 0 km)`,
        onclick: () => this.filterTo(near) })));
    circle.on("click", () => this.list(place, id));
    circle.on("add", () => {
      const path = circle.getElement();
      path.setAttribute("data-marker", id);
      path.setAttribute("data-events", place.events);
      path.setAttribute("data-reports", place.reports);
      path.setAttribute("data-precision", place.precision);
    });
    circle.addTo(this.layer);
  }

  /** List the events at a place: those at its coordinates with its name and precision. */
  async list(place, id) {
    const { items } = await getAll("/api/events",
      filterParams(this.state, { near: `${place.lat},${place.lon}`, within: "0" }));
    const events = items.filter((event) => event.location
      && event.location.name === place.name && event.location.precision === place.precision);
    const shown = events.length === place.events ? "" : ` (${place.events} counted)`;
    fill(this.listing,
      el("h3", { class: "listing-title", "data-events": events.length, "data-marker": id },
        `${place.name} (${place.precision}${place.country ? `, ${place.country}` : ""}):`
        + ` ${events.length} events${shown}`),
      eventTable(events, this.open));
  }
}
