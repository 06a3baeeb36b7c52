// The events table: the filtered events, a page at a time (the API's cursor).
import { get } from "./api.js";
import { codes, el, fill, table } from "./dom.js";
import { filterParams } from "./state.js";

export const PAGE_SIZE = 50;

function placeName(location) {
  if (!location || !location.name) return "";
  return `${location.name} (${location.precision})`;
}

/** A table of event records; clicking a row opens its evidence. */
export function eventTable(items, open) {
  const rows = items.map((event) => el("tr", {
    class: `event-row quad-${event.quad}${event.auxiliary ? " hidden-event" : ""}`,
    "data-event-id": event.event_id,
    tabindex: 0,
    onclick: () => open(event.event_id),
    onkeydown: (key) => { if (key.key === "Enter") open(event.event_id); },
  },
  el("td", { text: event.date || "" }),
  el("td", {}, el("span", { class: `quad-dot quad-${event.quad}` }), event.event,
    event.auxiliary ? el("span", { class: "badge", text: event.auxiliary }) : null),
  el("td", { text: codes(event.actor) }),
  el("td", { text: codes(event.recipient) }),
  el("td", { text: placeName(event.location) }),
  el("td", { class: "sentence-cell", text: event.sentence || "" }),
  el("td", { text: event.title || event.doc_id })));
  return table(["date", "event", "actor", "recipient", "place", "sentence", "article"], rows);
}

/** The events view: a page of the filtered events with next/previous page buttons. */
export class EventsView {
  constructor(root, open) {
    this.root = root;
    this.open = open;
  }

  async load(state) {
    this.state = state;
    this.cursors = [null];
    await this.page(0);
  }

  async page(index) {
    const extra = { limit: PAGE_SIZE, cursor: this.cursors[index] };
    const answer = await get("/api/events", filterParams(this.state, extra));
    this.cursors[index + 1] = answer.next_cursor;
    const first = index * PAGE_SIZE + 1;
    const last = index * PAGE_SIZE + answer.items.length;
    fill(this.root,
      el("p", { class: "summary", "data-count": answer.count },
        answer.count ? `Events ${first}–${last} of ${answer.count}` : "No event matches."),
      eventTable(answer.items, this.open),
      el("div", { class: "pager" },
        el("button", { type: "button", text: "← previous", disabled: index === 0,
          onclick: () => this.page(index - 1) }),
        el("button", { type: "button", text: "next →", disabled: !answer.next_cursor,
          onclick: () => this.page(index + 1) })));
  }
}
