// The timeline: events per day, week, month or year of their start date on a time axis,
// stacked by quad or event type. The axis spans the bulk of the events (the API's first
// and last period); events far outside it are counted in "earlier" and "later" buttons.
/* global d3 */
import { get, getAll } from "./api.js";
import { eventTable } from "./events.js";
import { el, fill } from "./dom.js";
import { QUADS, quadColour, typeColours } from "./colours.js";
import { filterParams } from "./state.js";

const HEIGHT = 220;
const MARGIN = { top: 10, right: 16, bottom: 28, left: 36 };
const INTERVALS = () => ({ day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth,
  year: d3.utcYear });

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function utcDate(day) {
  return new Date(`${day}T00:00:00Z`);
}

/** The day after or before (`days` = -1) a YYYY-MM-DD day. */
function shifted(day, days) {
  return isoDay(d3.utcDay.offset(utcDate(day), days));
}

/** The last day of the period of `by` starting on `period`. */
function periodEnd(period, by) {
  return shifted(isoDay(INTERVALS()[by].offset(utcDate(period), 1)), -1);
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

/** The later (`max`) or earlier of two YYYY-MM-DD days, either possibly empty. */
function narrower(day, other, max) {
  if (!day) return other;
  if (!other) return day;
  return (max ? day > other : day < other) ? day : other;
}

export class TimelineView {
  /** `autoOption`: the "Timeline by" choice that leaves the period to the API; it is
   * relabelled with the period the API chose. */
  constructor(root, listing, open, autoOption) {
    this.root = root;
    this.listing = listing;
    this.open = open;
    this.autoOption = autoOption;
  }

  async load(state) {
    this.state = state;
    const answer = await get("/api/timeline",
      filterParams(state, { by: state.by, stack: state.stack }));
    this.by = answer.by;
    this.first = answer.first;
    this.last = answer.last;
    this.autoOption.textContent = state.by ? "auto" : `auto (${answer.by})`;
    fill(this.listing);
    this.draw(answer);
  }

  draw(answer) {
    const { by, first, last } = answer;
    const inside = answer.items.filter((item) => item.period >= first && item.period <= last);
    const earlier = answer.items.filter((item) => item.period < first);
    const later = answer.items.filter((item) => item.period > last);
    const keys = [...new Set(answer.items.map((item) => item.key))].sort();
    const colour = answer.stack === "quad" ? quadColour : typeColours(keys);
    const total = d3.sum(answer.items, (item) => item.events);
    const caption = el("p", { class: "summary", "data-total": total, "data-by": by },
      total ? `${total} dated events by ${by} of their start; click a bar to list its events`
        : "No dated event matches.");
    const legend = el("ul", { class: "legend" }, keys.map((key) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour(key);
      return el("li", {}, swatch, answer.stack === "quad" ? QUADS[key] || key : key);
    }));
    const outliers = el("p", { class: "outliers" },
      this.outlierButton("earlier", earlier), this.outlierButton("later", later));
    fill(this.root, caption, legend, outliers);
    if (!inside.length) return;

    const interval = INTERVALS()[by];
    const width = Math.max(this.root.clientWidth || 600, 320);
    const periods = [...new Set(inside.map((item) => item.period))].sort();
    const counts = d3.rollup(inside, (items) => d3.sum(items, (item) => item.events),
      (item) => item.period, (item) => item.key);
    const rows = periods.map((period) => {
      const row = { period, start: utcDate(period) };
      for (const key of keys) row[key] = counts.get(period).get(key) || 0;
      return row;
    });
    const series = d3.stack().keys(keys)(rows);
    const x = d3.scaleUtc([utcDate(first), interval.offset(utcDate(last), 1)],
      [MARGIN.left, width - MARGIN.right]);
    const y = d3.scaleLinear([0, d3.max(rows, (row) => d3.sum(keys, (key) => row[key]))],
      [HEIGHT - MARGIN.bottom, MARGIN.top]).nice();
    const barX = (row) => x(row.start);
    const barWidth = (row) => {
      const span = x(interval.offset(row.start, 1)) - x(row.start);
      return Math.max(1, span - Math.min(2, span * 0.15));
    };
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
      .attr("x", ({ d }) => barX(d.data))
      .attr("width", ({ d }) => barWidth(d.data))
      .attr("y", ({ d }) => y(d[1]))
      .attr("height", ({ d }) => y(d[0]) - y(d[1]))
      .on("click", (_, { key, d }) => this.list(d.data.period, key, d[1] - d[0]))
      .append("title")
      .text(({ key, d }) => `${this.label(d.data.period)}: ${d[1] - d[0]} ${answer.stack === "quad"
        ? QUADS[key] : key}`);
    svg.append("g").attr("class", "x-axis")
      .attr("transform", `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 100))));
    svg.append("g").attr("transform", `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(Math.min(5, y.domain()[1])).tickFormat(d3.format("d")));
  }

  /** A button listing the events outside the axis (`side` earlier or later), or nothing. */
  outlierButton(side, items) {
    const events = d3.sum(items, (item) => item.events);
    if (!events) return null;
    return el("button", { type: "button", class: `linkish outlier-${side}`,
      "data-events": events, onclick: () => this.listOutside(side, events),
      text: side === "earlier" ? `‹ ${events} earlier events, before ${this.label(this.first)}`
        : `${events} later events, after ${this.label(this.last)} ›` });
  }

  /** A period as people say it: 2005-03-01, the week of 2005-02-28, 2005-03, 2005. */
  label(period) {
    return { day: period, week: `the week of ${period}`, month: period.slice(0, 7),
      year: period.slice(0, 4) }[this.by];
  }

  /** List the events of one bar: those starting in its period with its quad or type.
   * The filters' dates narrowed to the period ask for exactly the bar's events, and those
   * that started before it (dropped here). */
  async list(period, key, expected) {
    const { state, by } = this;
    const end = periodEnd(period, by);
    const params = filterParams(state, {
      since: narrower(bound(state.since, "since"), period, true),
      until: narrower(bound(state.until, "until"), end, false),
      event: state.stack === "event" ? key : state.event,
    });
    const { items } = await getAll("/api/events", params);
    const events = items.filter((event) => event.date_start >= period && event.date_start <= end
      && (state.stack === "event" ? event.event === key : String(event.quad) === key));
    const what = state.stack === "quad" ? QUADS[key] : key;
    this.show(`${what}, ${this.label(period)}`, events, expected);
  }

  /** List the events starting before the axis (`side` earlier) or after it. */
  async listOutside(side, expected) {
    const { state, by, first, last } = this;
    const afterLast = shifted(periodEnd(last, by), 1);
    const range = side === "earlier"
      ? { until: narrower(bound(state.until, "until"), shifted(first, -1), false) }
      : { since: narrower(bound(state.since, "since"), afterLast, true) };
    const { items } = await getAll("/api/events", filterParams(state, range));
    const events = items.filter((event) => event.date_start
      && (side === "earlier" ? event.date_start < first : event.date_start >= afterLast));
    this.show(side === "earlier" ? `Before ${this.label(first)}` : `After ${this.label(last)}`,
      events, expected);
  }

  show(title, events, expected) {
    const shown = events.length === expected ? "" : ` (${expected} counted)`;
    fill(this.listing,
      el("h3", { class: "listing-title", "data-events": events.length },
        `${title}: ${events.length} events${shown}`),
      eventTable(events, this.open));
  }
}
