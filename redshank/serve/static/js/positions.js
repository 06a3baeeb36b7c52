// Positions (stances of holders on topics over time) and coalitions (members, contributions).
import { get, getAll } from "./api.js";
import { el, fill, table } from "./dom.js";

/** A refusal is a red line; hedges and conditions are shown beside it. */
function isRedLine(position) {
  return position.stance === "refuse";
}

function openButton(eventId, open, text) {
  if (!eventId) return text;
  return el("button", { type: "button", class: "linkish", "data-event-id": eventId, text,
    onclick: () => open(eventId) });
}

function flagsOf(position) {
  return [...(position.flags || []), ...(position.hedges || []).map((hedge) => `hedge: ${hedge}`)]
    .join("; ");
}

/** Rows of positions: one per statement, grouped by holder and topic, in date order. */
function positionRows(positions, open) {
  const sorted = [...positions].sort((a, b) =>
    `${a.holder}\t${a.topic}\t${a.date_start || ""}`
      .localeCompare(`${b.holder}\t${b.topic}\t${b.date_start || ""}`));
  return sorted.map((position, i) => {
    const previous = sorted[i - 1];
    const same = previous && previous.holder === position.holder
      && previous.topic === position.topic;
    const changed = same && previous.stance !== position.stance;
    return el("tr", { class: `position${isRedLine(position) ? " red-line" : ""}`
      + `${same ? "" : " group-start"}`, "data-position-id": position.position_id },
    el("td", { text: same ? "" : position.holder_name || position.holder }),
    el("td", { text: same ? "" : position.topic }),
    el("td", { text: position.date || "" }),
    el("td", {}, el("span", { class: `stance stance-${position.stance}`, text: position.stance }),
      isRedLine(position) ? el("span", { class: "badge red", text: "red line" }) : null,
      changed ? el("span", { class: "badge", text: `changed from ${previous.stance}` }) : null),
    el("td", { text: position.target_date || "" }),
    el("td", { text: flagsOf(position) }),
    el("td", { text: position.speaker ? position.speaker.name : "" }),
    el("td", { class: "sentence-cell" },
      openButton((position.event_ids || [])[0], open, position.sentence || "")));
  });
}

export class PositionsView {
  constructor(root, open) {
    this.root = root;
    this.open = open;
  }

  async load(state) {
    const params = new URLSearchParams();
    for (const [name, value] of [["actor", state.actor], ["since", state.since],
      ["until", state.until]]) {
      if (value) params.set(name, value);
    }
    const { items, count } = await getAll("/api/positions", params);
    fill(this.root,
      el("p", { class: "summary", "data-count": count },
        `${count} positions (actor and dates from the filters); refusals are red lines`),
      table(["holder", "topic", "date", "stance", "for date", "flags", "speaker", "evidence"],
        positionRows(items, this.open)));
  }
}

function evidenceList(evidence, open) {
  return el("ul", { class: "evidence" }, (evidence || []).map((item) => el("li", {},
    openButton(item.event_id, open, item.sentence || item.doc_id))));
}

function coalitionSection(coalition, open) {
  const members = coalition.members.map((member) => el("tr", {
    class: `member status-${member.status}`, "data-member": member.member },
  el("td", { text: member.name || member.member }),
  el("td", { text: member.role || "" }),
  el("td", { text: member.joined || "" }),
  el("td", { text: member.left || "" }),
  el("td", { text: member.status || "" }),
  el("td", {}, evidenceList(member.evidence, open))));
  const contributions = (coalition.contributions || []).map((item) => el("tr", {
    class: "contribution" },
  el("td", { text: item.member }),
  el("td", { text: item.kind }),
  el("td", { text: item.count === null || item.count === undefined ? "" : String(item.count) }),
  el("td", { text: item.change || "" }),
  el("td", { text: item.date || "" }),
  el("td", { text: item.target_date || "" }),
  el("td", { class: "sentence-cell", text: item.sentence || "" })));
  const about = [
    coalition.kind, coalition.lead ? `lead ${[coalition.lead].flat().join(", ")}` : null,
    coalition.adversary ? `against ${coalition.adversary.name || coalition.adversary}` : null,
    coalition.start ? `from ${coalition.start}` : null,
    coalition.end ? `until ${coalition.end}` : null,
  ].filter(Boolean).join(", ");
  return el("section", { class: "coalition", "data-coalition-id": coalition.coalition_id },
    el("h3", { text: coalition.name }),
    el("p", { class: "muted", text: about }),
    el("h4", { text: `Members (${members.length})` }),
    table(["member", "role", "joined", "left", "status", "evidence"], members),
    el("h4", { text: `Contributions (${contributions.length})` }),
    table(["member", "kind", "count", "change", "date", "for date", "evidence"], contributions),
    el("h4", { text: "Members' positions on its topics" }),
    table(["holder", "topic", "date", "stance", "for date", "flags", "speaker", "evidence"],
      positionRows(coalition.positions || [], open)));
}

export class CoalitionsView {
  constructor(root, open) {
    this.root = root;
    this.open = open;
  }

  async load(state) {
    const params = new URLSearchParams();
    if (state.actor) params.set("member", state.actor);
    const { items } = await get("/api/coalitions", params);
    fill(this.root,
      el("p", { class: "summary", "data-count": items.length },
        `${items.length} coalitions${state.actor ? ` with ${state.actor} as a member` : ""}`),
      items.map((coalition) => coalitionSection(coalition, this.open)));
  }
}
