// The dyad network: actors as nodes, events between them as edges, cooperation to conflict.
/* global d3 */
import { get, getAll } from "./api.js";
import { eventTable } from "./events.js";
import { el, fill } from "./dom.js";
import { conflictColour } from "./colours.js";
import { filterParams } from "./state.js";

const HEIGHT = 360;
export const TOP_DYADS = 40;

/** A slight arc from source to target, so that the two directions of a pair stay apart. */
function arc(link) {
  const { x: x1, y: y1 } = link.source;
  const { x: x2, y: y2 } = link.target;
  const radius = Math.hypot(x2 - x1, y2 - y1) * 1.5;
  return `M${x1},${y1}A${radius},${radius} 0 0,1 ${x2},${y2}`;
}

export class NetworkView {
  constructor(root, listing, open) {
    this.root = root;
    this.listing = listing;
    this.open = open;
  }

  async load(state) {
    this.state = state;
    const answer = await get("/api/dyads",
      filterParams(state, { by_actor: "country", top: TOP_DYADS }));
    fill(this.listing);
    this.draw(answer.items.filter((dyad) => dyad.actor && dyad.recipient));
  }

  draw(dyads) {
    const names = [...new Set(dyads.flatMap((dyad) => [dyad.actor, dyad.recipient]))].sort();
    const nodes = names.map((id) => ({ id, events: 0 }));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    for (const dyad of dyads) {
      byId.get(dyad.actor).events += dyad.events;
      byId.get(dyad.recipient).events += dyad.events;
    }
    const links = dyads.map((dyad) => ({ ...dyad, source: dyad.actor, target: dyad.recipient }));
    fill(this.root, el("p", { class: "summary", "data-nodes": nodes.length,
      "data-edges": links.length },
    dyads.length ? `${nodes.length} actors (by country), ${links.length} pairs`
      + ` (the ${TOP_DYADS} busiest at most); click an edge to list its events`
      : "No event with both an actor and a recipient matches."));
    if (!dyads.length) return;

    const width = Math.max(this.root.clientWidth || 600, 320);
    const widthOf = d3.scaleSqrt([1, d3.max(links, (link) => link.events)], [1.5, 9]);
    const svg = d3.select(this.root).append("svg").attr("class", "network")
      .attr("viewBox", `0 0 ${width} ${HEIGHT}`).attr("width", width).attr("height", HEIGHT);
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8")
      .attr("refX", 20).attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9)
      .attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("class", "arrowhead");
    const edge = svg.append("g").selectAll("path").data(links).join("path")
      .attr("class", "edge")
      .attr("data-actor", (link) => link.actor)
      .attr("data-recipient", (link) => link.recipient)
      .attr("data-events", (link) => link.events)
      .attr("stroke", (link) => conflictColour(link.cooperation, link.conflict))
      .attr("stroke-width", (link) => widthOf(link.events))
      .attr("marker-end", "url(#arrow)")
      .on("click", (_, link) => this.list(link));
    edge.append("title").text((link) => `${link.actor} → ${link.recipient}: ${link.events}`
      + ` events (${link.cooperation} cooperation, ${link.conflict} conflict)`);
    const node = svg.append("g").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("data-actor", (d) => d.id);
    node.append("circle").attr("r", (d) => 5 + Math.sqrt(d.events) * 2);
    node.append("text").attr("dx", 9).attr("dy", 4).text((d) => d.id);
    node.call(d3.drag()
      .on("start", (event, d) => { if (!event.active) simulation.alphaTarget(0.3).restart(); })
      .on("drag", (event, d) => { d.fx = event.x; d.fy = event.y; })
      .on("end", (event, d) => {
        if (!event.active) simulation.alphaTarget(0);
        d.fx = null;
        d.fy = null;
      }));

    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(130))
      .force("charge", d3.forceManyBody().strength(-500))
      .force("center", d3.forceCenter(width / 2, HEIGHT / 2))
      .force("x", d3.forceX(width / 2).strength(0.05))
      .force("y", d3.forceY(HEIGHT / 2).strength(0.08))
      .on("tick", () => {
        for (const d of nodes) {
          d.x = Math.max(12, Math.min(width - 40, d.x));
          d.y = Math.max(12, Math.min(HEIGHT - 12, d.y));
        }
        edge.attr("d", arc);
        node.attr("transform", (d) => `translate(${d.x},${d.y})`);
      });
  }

  /** List the events of one edge: the filters with this actor and recipient. */
  async list(link) {
    const { items, count } = await getAll("/api/events",
      filterParams(this.state, { actor: link.actor, recipient: link.recipient }));
    fill(this.listing,
      el("h3", { class: "listing-title", "data-events": count },
        `${link.actor} → ${link.recipient}: ${count} events`),
      eventTable(items, this.open));
  }
}
