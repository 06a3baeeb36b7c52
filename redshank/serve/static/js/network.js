// The dyad network: actors as nodes, events between them as arrows, cooperation to conflict;
// a country's events with itself (domestic events, USA → USA) as a loop on its node.
/* global d3 */
import { get, getAll } from "./api.js";
import { eventTable } from "./events.js";
import { el, fill } from "./dom.js";
import { conflictColour } from "./colours.js";
import { filterParams } from "./state.js";

export const TOP_DYADS = 40;
const PAD = 4;
const LABEL_CHAR_PX = 7;
const TICKS = 300;

/** A slight arc from the rim of the source to the rim of the target (where the arrowhead's
 * tip is), so that the two directions of a pair stay apart. */
function arc(link) {
  const { x: x1, y: y1, r: r1 } = link.source;
  const { x: x2, y: y2, r: r2 } = link.target;
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const [sx, sy] = [x1 + ux * r1, y1 + uy * r1];
  const [tx, ty] = [x2 - ux * (r2 + 2), y2 - uy * (r2 + 2)];
  const radius = length * 1.5;
  return `M${sx},${sy}A${radius},${radius} 0 0,1 ${tx},${ty}`;
}

/** A loop above a node, from and back to its rim. */
function loop(link) {
  const { x, y, r } = link.source;
  const reach = r + 16;
  return `M${x - r * 0.6},${y - r * 0.8}C${x - reach},${y - r - reach}`
    + ` ${x + reach},${y - r - reach} ${x + r * 0.6},${y - r * 0.8}`;
}

/** How far above its centre a node's loop reaches. */
function loopHeight(node) {
  return node.loop ? node.r + 0.75 * (node.r + 16) : node.r;
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
    const nodes = names.map((id) => ({ id, events: 0, loop: false }));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    for (const dyad of dyads) {
      byId.get(dyad.actor).events += dyad.events;
      if (dyad.recipient !== dyad.actor) byId.get(dyad.recipient).events += dyad.events;
      else byId.get(dyad.actor).loop = true;
    }
    const links = dyads.map((dyad) => ({ ...dyad, source: dyad.actor, target: dyad.recipient,
      self: dyad.actor === dyad.recipient }));
    const loops = links.filter((link) => link.self).length;
    fill(this.root, el("p", { class: "summary", "data-nodes": nodes.length,
      "data-edges": links.length, "data-loops": loops },
    dyads.length ? `${nodes.length} actors (by country), ${links.length} pairs`
      + ` (the ${TOP_DYADS} busiest at most); click an arrow or a loop to list its events`
      : "No event with both an actor and a recipient matches."),
    dyads.length ? el("p", { class: "legend muted",
      text: "arrow: actor → recipient, as wide as its events, green for cooperation to red"
        + " for conflict; loop: a country's events with itself (e.g. domestic)" }) : null);
    if (!dyads.length) return;

    const width = Math.max(this.root.clientWidth || 600, 320);
    const height = Math.round(Math.min(640, Math.max(320, 180 + 60 * Math.sqrt(nodes.length))));
    const radiusOf = d3.scaleSqrt([0, d3.max(nodes, (node) => node.events)], [4, 20]);
    for (const node of nodes) {
      node.r = radiusOf(node.events);
      node.label = node.id.length * LABEL_CHAR_PX + 6;
    }
    const inside = (node) => {
      node.x = Math.max(node.r + PAD, Math.min(width - node.r - node.label - PAD, node.x));
      node.y = Math.max(loopHeight(node) + PAD, Math.min(height - node.r - PAD, node.y));
    };
    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links.filter((link) => !link.self)).id((d) => d.id)
        .distance(Math.min(120, width / 6)))
      .force("charge", d3.forceManyBody()
        .strength(-Math.min(400, (width * height) / (nodes.length * 40))))
      // room for the label, which runs to the right of the node
      .force("collide", d3.forceCollide((d) => d.r + 6 + d.label / 2))
      .force("x", d3.forceX(width / 2).strength(0.06))
      .force("y", d3.forceY(height / 2).strength(0.1))
      .stop();
    // Laid out before it is drawn: what the page shows once loaded stays where it is.
    for (let tick = 0; tick < TICKS; tick += 1) {
      simulation.tick();
      nodes.forEach(inside);
    }
    for (const link of links.filter((l) => l.self)) {
      link.source = byId.get(link.actor);
      link.target = link.source;
    }

    const widthOf = d3.scaleSqrt([1, d3.max(links, (link) => link.events)], [1.5, 9]);
    const svg = d3.select(this.root).append("svg").attr("class", "network")
      .attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8")
      .attr("refX", 8).attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9)
      .attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("class", "arrowhead");
    const edge = svg.append("g").selectAll("path").data(links).join("path")
      .attr("class", (link) => (link.self ? "edge loop" : "edge"))
      .attr("data-actor", (link) => link.actor)
      .attr("data-recipient", (link) => link.recipient)
      .attr("data-events", (link) => link.events)
      .attr("stroke", (link) => conflictColour(link.cooperation, link.conflict))
      .attr("stroke-width", (link) => widthOf(link.events))
      .attr("marker-end", (link) => (link.self ? null : "url(#arrow)"))
      .on("click", (_, link) => this.list(link));
    edge.append("title").text((link) => `${link.actor} → ${link.recipient}: ${link.events}`
      + ` events (${link.cooperation} cooperation, ${link.conflict} conflict)`);
    const node = svg.append("g").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("data-actor", (d) => d.id);
    node.append("circle").attr("r", (d) => d.r);
    node.append("text").attr("dx", (d) => d.r + 3).attr("dy", 4).text((d) => d.id);
    node.append("title").text((d) => `${d.id}: ${d.events} events in these pairs`);
    const place = () => {
      edge.attr("d", (link) => (link.self ? loop(link) : arc(link)));
      node.attr("transform", (d) => `translate(${d.x},${d.y})`);
    };
    place();
    simulation.on("tick", () => {
      nodes.forEach(inside);
      place();
    });
    node.call(d3.drag()
      .on("start", (event) => { if (!event.active) simulation.alphaTarget(0.3).restart(); })
      .on("drag", (event, d) => { d.fx = event.x; d.fy = event.y; })
      .on("end", (event, d) => {
        if (!event.active) simulation.alphaTarget(0);
        d.fx = null;
        d.fy = null;
      }));
  }

  /** List the events of one pair: the filters with this actor and recipient. */
  async list(link) {
    const { items, count } = await getAll("/api/events",
      filterParams(this.state, { actor: link.actor, recipient: link.recipient }));
    fill(this.listing,
      el("h3", { class: "listing-title", "data-events": count },
        `${link.actor} → ${link.recipient}: ${count} events`),
      eventTable(items, this.open));
  }
}
