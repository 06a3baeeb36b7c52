// Colours shared by the timeline, the map and the network.
/* global d3 */

export const QUADS = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};
const QUAD_COLOURS = { 1: "#66bd63", 2: "#1a9850", 3: "#f46d43", 4: "#a50026" };

/** The colour of a quad ("1".."4"). */
export function quadColour(quad) {
  return QUAD_COLOURS[quad] || "#888888";
}

/** A colour scale for PLOVER event types. */
export function typeColours(types) {
  return d3.scaleOrdinal([...types].sort(), [...d3.schemeTableau10, ...d3.schemeSet2]);
}

/** Cooperation (green) to conflict (red) by the share of conflict events. */
export function conflictColour(cooperation, conflict) {
  const total = cooperation + conflict;
  return total ? d3.interpolateRdYlGn(1 - conflict / total) : "#888888";
}
