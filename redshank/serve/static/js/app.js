// The dashboard: filters kept in the URL, and the views that read them from the API.
import { get } from "./api.js";
import { el, fill } from "./dom.js";
import { showEvidence } from "./evidence.js";
import { EventsView } from "./events.js";
import { MapView } from "./map.js";
import { NetworkView } from "./network.js";
import { CoalitionsView, PositionsView } from "./positions.js";
import { FILTERS, VIEWS, readState, writeState } from "./state.js";
import { TimelineView } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const form = $("#filters");
const status = $("#status");
const panel = $("#evidence");
let state = readState(window.location.search);

/** Show a failure (the API's one-sentence message) in the status line. */
function report(error) {
  fill(status, el("span", { class: "error", text: error.message || String(error) }));
  status.dataset.state = "error";
}

function go(changes, { push = true } = {}) {
  state = { ...state, ...changes };
  const url = `${window.location.pathname}${writeState(state)}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

async function openEvent(eventId) {
  go({ open: eventId });
  try {
    await showEvidence(panel, eventId, openEvent);
  } catch (error) {
    report(error);
  }
}

const views = {
  timeline: new TimelineView($("#timeline"), $("#timeline-listing"), openEvent,
    $("#auto-period")),
  map: new MapView($("#map"), $("#map-summary"), $("#map-listing"), openEvent,
    (near) => {
      go({ near, within: "0" });
      render();
    }),
  network: new NetworkView($("#network"), $("#network-listing"), openEvent),
  events: new EventsView($("#events-table"), openEvent),
  positions: new PositionsView($("#positions-view"), openEvent),
  coalitions: new CoalitionsView($("#coalitions-view"), openEvent),
};
const VIEW_PARTS = {
  overview: ["timeline", "map", "network"],
  events: ["events"],
  positions: ["positions"],
  coalitions: ["coalitions"],
};

/** Put the state's values in the form. */
function showState() {
  for (const name of [...FILTERS, "by", "stack"]) {
    const input = form.elements.namedItem(name);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = state[name] === "true";
    else if (input.multiple) {
      const chosen = state[name].split(",").filter(Boolean);
      for (const option of input.options) option.selected = chosen.includes(option.value);
    } else input.value = state[name];
  }
  for (const view of VIEWS) {
    $(`#view-${view}`).hidden = view !== state.view;
    $(`#tab-${view}`).setAttribute("aria-selected", String(view === state.view));
  }
}

/** The filters as the form has them. */
function formState() {
  const values = {};
  for (const name of [...FILTERS, "by", "stack"]) {
    const input = form.elements.namedItem(name);
    if (!input) continue;
    if (input.type === "checkbox") values[name] = input.checked ? "true" : "";
    else if (input.multiple) {
      values[name] = [...input.selectedOptions].map((option) => option.value).join(",");
    } else values[name] = input.value.trim();
  }
  return values;
}

/** Load the views the current tab shows, and the open event's evidence. */
async function render() {
  showState();
  fill(status, "Loading…");
  status.dataset.state = "loading";
  const loads = VIEW_PARTS[state.view].map((name) => views[name].load(state));
  if (state.open) loads.push(showEvidence(panel, state.open, openEvent));
  else panel.hidden = true;
  const results = await Promise.allSettled(loads);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) {
    report(failed.reason);
    return;
  }
  fill(status, "");
  status.dataset.state = "ready";
}

/** Fill the event type and country choices from what the store holds. */
async function loadChoices() {
  const stats = await get("/api/stats");
  const select = form.elements.namedItem("event");
  const types = new Set([...Object.keys(stats.event_types), ...state.event.split(",")]);
  fill(select, [...types].filter(Boolean).sort().map((type) =>
    el("option", { value: type, text: `${type} (${stats.event_types[type] || 0})` })));
  fill($("#countries"), Object.keys(stats.countries).sort().map((code) =>
    el("option", { value: code, text: `${code} (${stats.countries[code]})` })));
  fill($("#stats"), `${stats.documents} articles, ${stats.events} events shown`
    + ` and ${stats.events_hidden} negated, hypothetical or future,`
    + ` ${stats.first_date || "?"} to ${stats.last_date || "?"}`);
}

form.addEventListener("change", () => {
  go(formState());
  render();
});
form.addEventListener("submit", (submit) => {
  submit.preventDefault();
  go(formState());
  render();
});
$("#reset").addEventListener("click", () => {
  go(Object.fromEntries([...FILTERS, "open"].map((name) => [name, ""])));
  render();
});
for (const view of VIEWS) {
  $(`#tab-${view}`).addEventListener("click", () => {
    go({ view });
    render();
  });
}
$("#close-evidence").addEventListener("click", () => {
  go({ open: "" });
  panel.hidden = true;
});
window.addEventListener("popstate", () => {
  state = readState(window.location.search);
  render();
});
window.addEventListener("unhandledrejection", (rejection) => report(rejection.reason));

loadChoices().catch(report).finally(render);
