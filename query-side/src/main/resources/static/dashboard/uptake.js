/*
 * The dashboard's service uptake view: for a span of months and an area, onward referrals made, outcomes recorded,
 * taken up, not taken up and the uptake rate, per directory service and per organisation, and the gaps (needs
 * referred outside the directory) by area. Managers (an area where they manage a setting), evaluators (figures under
 * disclosure control: withheld ones show as [c]) and admins. Uses dashboard.js's helpers (api, query, table, cell,
 * percent, withheldNote, WITHHELD, $).
 */
"use strict";

const UPTAKE_AREAS = ["GLASGOW_CITY", "WEST_DUNBARTONSHIRE", "EAST_DUNBARTONSHIRE", "EAST_RENFREWSHIRE",
  "RENFREWSHIRE", "INVERCLYDE"];
const UPTAKE_PAGE = 50;
// Organisations in one table, as many as a page may hold; the summary says when there are more.
const UPTAKE_ORGANISATIONS = 200;
const uptakeLabel = code => code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ");
const uptakeCount = value => value === null || value === undefined ? WITHHELD : String(value);
const uptakeRate = figures => figures.uptakeRate !== null && figures.uptakeRate !== undefined
  ? percent(figures.uptakeRate)
  : figures.takenUp === null || figures.outcomesRecorded === null ? WITHHELD : "–";

function uptakeCells(row, figures) {
  [figures.made, figures.outcomesRecorded, figures.takenUp, figures.notTakenUp]
    .forEach(value => cell(row, uptakeCount(value), "number"));
  cell(row, uptakeRate(figures), "number");
}

const UPTAKE_FIGURES = [["Made", true], ["Outcomes", true], ["Taken up", true], ["Not taken up", true],
  ["Uptake", true]];
const uptakeNeeds = figures => Object.entries(figures.needs || {})
  .map(([need, count]) => `${uptakeLabel(need)} ${uptakeCount(count)}`).join(", ");

async function loadUptake(page = 0) {
  const form = $("#uptake-form");
  const period = {from: form.from.value, to: form.to.value, hscp: form.hscp.value};
  const [services, organisations, gaps] = await Promise.all([
    api("/api/uptake/services?" + query({...period, page: String(page), size: String(UPTAKE_PAGE)})),
    api("/api/uptake/organisations?" + query({...period, size: String(UPTAKE_ORGANISATIONS)})),
    api("/api/uptake/gaps?" + query(period))]);
  $("#uptake-summary").textContent = `${uptakeCount(services.total.made)} onward referrals to `
    + `${services.rows.totalItems} services, uptake ${uptakeRate(services.total)}; `
    + `${uptakeCount(gaps.total.made)} outside the directory`
    + (services.rows.totalPages > 1 ? `; page ${services.rows.page + 1} of ${services.rows.totalPages}` : "")
    + (organisations.rows.totalItems > organisations.rows.items.length
      ? `; the first ${organisations.rows.items.length} of ${organisations.rows.totalItems} organisations shown`
      : "");
  withheldNote($("#uptake-withheld"), services.suppressedBelow);
  table($("#uptake-services"), [["Service"], ["Organisation"], ...UPTAKE_FIGURES, ["Needs"]],
    services.rows.items.map(s => row => {
      cell(row, s.serviceName ?? s.serviceId);
      cell(row, s.organisationName ?? s.organisationId);
      uptakeCells(row, s.figures);
      cell(row, uptakeNeeds(s.figures));
    }));
  table($("#uptake-organisations"), [["Organisation"], ...UPTAKE_FIGURES, ["Needs"]],
    organisations.rows.items.map(o => row => {
      cell(row, o.organisationName ?? o.organisationId);
      uptakeCells(row, o.figures);
      cell(row, uptakeNeeds(o.figures));
    }));
  table($("#uptake-gaps"), [["Area"], ["Need"], ...UPTAKE_FIGURES],
    gaps.gaps.map(g => row => {
      cell(row, uptakeLabel(g.hscp));
      cell(row, uptakeLabel(g.need));
      uptakeCells(row, g.figures);
    }));
  $("#uptake-previous").disabled = services.rows.page === 0;
  $("#uptake-next").disabled = services.rows.page + 1 >= services.rows.totalPages;
  form.dataset.page = String(services.rows.page);
}

/* The areas the caller may ask about: a manager's are those of the settings they manage, never the whole programme. */
function offerUptakeAreas() {
  const manager = state.me.role === "SERVICE_MANAGER";
  const areas = manager
    ? UPTAKE_AREAS.filter(area => state.me.managedSettings.some(id => state.settingAreas.get(id) === area))
    : UPTAKE_AREAS;
  $("#uptake-form").hscp.replaceChildren(...(manager ? [] : [new Option("Whole programme", "")]),
    ...areas.map(area => new Option(uptakeLabel(area), area)));
}

document.addEventListener("dashboard-ready", offerUptakeAreas);

document.addEventListener("DOMContentLoaded", () => {
  const form = $("#uptake-form");
  // The last twelve months, this one included, in the programme's time zone.
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", year: "numeric",
    month: "numeric"}).formatToParts(new Date()).map(part => [part.type, part.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  const first = new Date(Date.UTC(year, month - 12, 1));
  form.to.value = `${year}-${String(month).padStart(2, "0")}`;
  form.from.value = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}`;
  const show = page => {
    $("#uptake-error").textContent = "";
    loadUptake(page).catch(error => { $("#uptake-error").textContent = error.message; });
  };
  form.addEventListener("submit", event => {
    event.preventDefault();
    show(0);
  });
  $("#uptake-previous").addEventListener("click", () => show(Number(form.dataset.page || 0) - 1));
  $("#uptake-next").addEventListener("click", () => show(Number(form.dataset.page || 0) + 1));
});
