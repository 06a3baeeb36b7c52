// The timeline: events by day or week (by date_start), stacked by quad or event type.
/* global d3 */
import { get, getAll } from "./api.js";
import { eventTable } from "./events.js";
import { el, fill } from "./dom.js";
import { QUADS, quadColour, typeColours } from "./colours.js";
import { filterParams } from "./state.js";

const HEIGHT = 220;
const MARGIN = { top: 10, right: 10, bottom: 48, left: 36 };

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The last day of the period starting on `period` (a day, or the Monday of a week). */
function periodEnd(period, by) {
  const end = new Date(`${period}T00:00:00Z`);
  if (by === "week") end.setUTCDate(end.getUTCDate() + 6);
  return isoDay(end);
}

/** The first (`since`) or last (`until`) day of a YYYY, YYYY-MM or YYYY-MM-DD filter value. */
function bound(value, which) {
  if (!value || which === "since" || value.length === 10) {
    return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  }
  if (value.length === 4) return `${value}-12-31`;
  const [year, month] = value.split("-").map(Number);
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

export class TimelineView {
  constructor(root, listing, open) {
    this.root = root;
    this.listing = listing;
    this.open = open;
  }

  async load(state) {
    this.state = state;
    const answer = await get("/api/timeline",
      filterParams(state, { by: state.by, stack: state.stack }));
    fill(this.listing);
    this.draw(answer);
  }

  draw(answer) {
    const periods = [...new Set(answer.items.map((item) => item.period))].sort();
    const keys = [...new Set(answer.items.map((item) => item.key))].sort();
    const colour = answer.stack === "quad" ? quadColour : typeColours(keys);
    const total = d3.sum(answer.items, (item) => item.events);
    const caption = el("p", { class: "summary", "data-total": total },
      total ? `${total} dated events in ${periods.length} ${answer.by === "week" ? "weeks" : "days"}`
        + " (periods without events left out); click a bar to list its events"
        : "No dated event matches.");
    const legend = el("ul", { class: "legend" }, keys.map((key) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour(key);
      return el("li", {}, swatch, answer.stack === "quad" ? QUADS[key] || key : key);
    }));
    fill(this.root, caption, legend);
    if (!total) return;

    const width = Math.max(this.root.clientWidth || 600, 320);
    const counts = d3.rollup(answer.items, (items) => d3.sum(items, (item) => item.events),
      (item) => item.period, (item) => item.key);
    const rows = periods.map((period) => {
      const row = { period };
      for (const key of keys) row[key] = (counts.get(period) || new Map()).get(key) || 0;
      return row;
    });
    const series = d3.stack().keys(keys)(rows);
    const x = d3.scaleBand(periods, [MARGIN.left, width - MARGIN.right]).padding(0.2);
    const y = d3.scaleLinear([0, d3.max(rows, (row) => d3.sum(keys, (key) => row[key]))],
      [HEIGHT - MARGIN.bottom, MARGIN.top]).nice();
    const svg = d3.select(this.root).append("svg")
      .attr("class", "timeline").attr("viewBox", `0 0 ${width} ${HEIGHT}`)
      .attr("width", width).attr("height", HEIGHT);
    svg.append("g").selectAll("g").data(series).join("g")
      .attr("fill", (layer) => colour(layer.key))
      .selectAll("rect").data((layer) => layer.map((d) => ({ key: layer.key, d })))
      .join("rect")
      .filter(({ d }) => d[1] > d[0])
      .attr("class", "bar")
      .attr("data-period", ({ d }) => d.data.period)
      .attr("data-key", ({ key }) => key)
      .attr("data-events", ({ d }) => d[1] - d[0])
      .attr("x", ({ d }) => x(d.data.period))
      .attr("width", x.bandwidth())
      .attr("y", ({ d }) => y(d[1]))
      .attr("height", ({ d }) => y(d[0]) - y(d[1]))
      .on("click", (_, { key, d }) => this.list(d.data.period, key, d[1] - d[0]))
      .append("title")
      .text(({ key, d }) => `${d.data.period}: ${d[1] - d[0]} ${answer.stack === "quad"
        ? QUADS[key] : key}`);
    const every = Math.ceil(periods.length / Math.max(1, Math.floor(width / 80)));
    svg.append("g").attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(d3.axisBottom(x).tickValues(periods.filter((_, i) => i % every === 0)))
      .selectAll("text").attr("transform", "rotate(-30)").attr("text-anchor", "end");
    svg.append("g").attr("transform", `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(Math.min(5, y.domain()[1])).tickFormat(d3.format("d")));
  }

  /** List the events of one bar: those starting in its period with its quad or type.
   * The filters' dates narrowed to the period ask for exactly the bar's events, and those
   * that started before it (dropped here). */
  async list(period, key, expected) {
    const { state } = this;
    const end = periodEnd(period, state.by);
    const since = bound(state.since, "since");
    const until = bound(state.until, "until");
    const params = filterParams(state, {
      since: since > period ? since : period,
      until: until && until < end ? until : end,
      event: state.stack === "event" ? key : state.event,
    });
    const { items } = await getAll("/api/events", params);
    const events = items.filter((event) => event.date_start >= period && event.date_start <= end
      && (state.stack === "event" ? event.event === key : String(event.quad) === key));
    const what = state.stack === "quad" ? QUADS[key] : key;
    const shown = events.length === expected ? "" : ` (${expected} in the bar)`;
    fill(this.listing,
      el("h3", { class: "listing-title", "data-events": events.length },
        `${what}, ${state.by === "week" ? "week of " : ""}${period}: ${events.length} events${shown}`),
      eventTable(events, this.open));
  }
}
