// The map: located events on country outlines shipped with the package (no tiles, offline).
/* global L, topojson */
import { getAll } from "./api.js";
import { codes, el, fill } from "./dom.js";
import { quadColour } from "./colours.js";
import { filterParams } from "./state.js";

const OUTLINES = "/static/vendor/world-atlas/countries-110m.json";
/** Precisions of a point the place stands for; coarser ones are drawn dashed. */
const EXACT = ["city", "point", "site"];

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

/** Located events grouped into one marker per place; `reports` counts the articles of each
 * real-world event (cluster) there, `quad` is the commonest quad among them. */
export function markersOf(events) {
  const places = new Map();
  for (const event of events) {
    const place = event.location;
    if (!place || place.lat === null || place.lat === undefined) continue;
    const id = `${place.lat},${place.lon},${place.precision},${place.name}`;
    if (!places.has(id)) places.set(id, { id, place, events: [] });
    places.get(id).events.push(event);
  }
  return [...places.values()].map((marker) => {
    const articles = new Map();
    const quads = new Map();
    for (const event of marker.events) {
      const cluster = event.cluster_id || event.event_id;
      if (!articles.has(cluster)) articles.set(cluster, new Set());
      articles.get(cluster).add(event.doc_id);
      quads.set(event.quad, (quads.get(event.quad) || 0) + 1);
    }
    const reports = [...articles.values()].reduce((sum, docs) => sum + docs.size, 0);
    const quad = [...quads].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    return { ...marker, reports, quad };
  });
}

export class MapView {
  constructor(root, summary, open) {
    this.root = root;
    this.summary = summary;
    this.open = open;
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
    const { items, count, complete } = await getAll("/api/events", filterParams(state));
    const markers = markersOf(items);
    await this.outlines;
    this.layer.clearLayers();
    for (const marker of markers) this.addMarker(marker);
    const located = markers.reduce((sum, marker) => sum + marker.events.length, 0);
    fill(this.summary,
      el("span", { "data-markers": markers.length, "data-located": located },
        `${markers.length} places on the map (${located} of ${count} events located)`),
      complete ? null : el("span", { class: "warning", text: ` first ${items.length} only` }));
    this.map.invalidateSize();
    if (markers.length) {
      const bounds = L.latLngBounds(markers.map((marker) => [marker.place.lat, marker.place.lon]));
      this.map.fitBounds(bounds.pad(0.3), { maxZoom: 5 });
    }
  }

  addMarker({ id, place, events, reports, quad }) {
    const exact = EXACT.includes(place.precision);
    const circle = L.circleMarker([place.lat, place.lon], {
      radius: 4 + 3 * Math.sqrt(reports),
      color: quadColour(quad),
      fillColor: quadColour(quad),
      fillOpacity: exact ? 0.7 : 0.35,
      weight: 2,
      dashArray: exact ? null : "4 3",
      className: `marker precision-${exact ? "exact" : "coarse"}`,
    });
    circle.bindPopup(() => el("div", { class: "popup", "data-marker": id },
      el("strong", { text: place.name }),
      el("div", { class: "muted",
        text: `${place.precision} precision${place.country ? `, ${place.country}` : ""}` }),
      el("div", { text: `${events.length} events, ${reports} reports` }),
      el("ul", {}, events.map((event) => el("li", {},
        el("button", { type: "button", class: "linkish", "data-event-id": event.event_id,
          text: `${event.date || "undated"} ${event.event} ${codes(event.actor)}`
            + `${event.recipient.length ? ` → ${codes(event.recipient)}` : ""}`,
          onclick: () => this.open(event.event_id) }))))));
    circle.on("add", () => {
      const path = circle.getElement();
      path.setAttribute("data-marker", id);
      path.setAttribute("data-reports", reports);
      path.setAttribute("data-precision", place.precision);
    });
    circle.addTo(this.layer);
  }
}
