// The view's state lives in the page's URL, so a view can be shared: reload -> same view.

/** Filters sent to the API, under the API's (and the CLI's) names. */
export const FILTERS = ["actor", "recipient", "event", "country", "since", "until", "near",
  "within", "all"];
/** The dashboard's own settings: timeline period (empty: the API picks one for the span of
 * the events) and stacking, tab, open event. */
const DEFAULTS = { by: "", stack: "quad", view: "overview", open: "" };
const PERIODS = ["", "day", "week", "month", "year"];
export const VIEWS = ["overview", "events", "positions", "coalitions"];

/** The state written in `search` (a location.search string). */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULTS };
  for (const name of FILTERS) state[name] = params.getAll(name).join(",");
  state.all = ["1", "true"].includes(state.all) ? "true" : "";
  for (const name of Object.keys(DEFAULTS)) {
    if (params.has(name)) state[name] = params.get(name);
  }
  if (!PERIODS.includes(state.by)) state.by = DEFAULTS.by;
  if (!["quad", "event"].includes(state.stack)) state.stack = DEFAULTS.stack;
  if (!VIEWS.includes(state.view)) state.view = DEFAULTS.view;
  return state;
}

/** The URL query of `state`: only what differs from the defaults, in a fixed order. */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (state[name]) params.set(name, state[name]);
  }
  for (const [name, value] of Object.entries(DEFAULTS)) {
    if (state[name] && state[name] !== value) params.set(name, state[name]);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** API query parameters of the state's filters, with `extra` (which wins) appended. */
export function filterParams(state, extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (state[name] && !(name in extra)) params.set(name, state[name]);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== "") params.set(name, value);
  }
  return params;
}
