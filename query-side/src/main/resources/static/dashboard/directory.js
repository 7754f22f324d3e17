/*
 * The dashboard's community directory view: services searched by need, area and words, open ones first. Every role
 * reads the directory (it holds no personal data). Kept apart from dashboard.js, whose helpers (api, query, table,
 * cell, $) it uses; it loads when the caller searches.
 */
"use strict";

const DIRECTORY_NEEDS = ["MENTAL_WELLBEING", "TRAUMA", "LONELINESS_ISOLATION", "HOUSING", "HOMELESSNESS",
  "FINANCES_BENEFITS", "DEBT", "FUEL_POVERTY", "FOOD_INSECURITY", "EMPLOYMENT_SKILLS", "CARING", "BEREAVEMENT",
  "RELATIONSHIPS_FAMILY", "ABUSE_VIOLENCE", "ADDICTIONS", "ASYLUM_IMMIGRATION", "PHYSICAL_HEALTH",
  "PHYSICAL_ACTIVITY", "DIGITAL_INCLUSION", "LEGAL", "OTHER"];
const DIRECTORY_AREAS = ["GLASGOW_CITY", "WEST_DUNBARTONSHIRE", "EAST_DUNBARTONSHIRE", "EAST_RENFREWSHIRE",
  "RENFREWSHIRE", "INVERCLYDE"];
const directoryLabel = code => code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ");

async function loadDirectory(page = 0) {
  const form = $("#directory-form");
  const found = await api("/api/directory/services?" + query({need: form.need.value, area: form.area.value,
    q: form.q.value.trim(), page: String(page), size: "25"}));
  $("#directory-summary").textContent = `${found.totalItems} services`
    + (found.totalPages > 1 ? `, page ${found.page + 1} of ${found.totalPages}` : "");
  table($("#directory-table"), [["Service"], ["Organisation"], ["Needs"], ["Areas"], ["How"], ["Status"]],
    found.items.map(s => row => {
      cell(row, s.name).title = s.description || "";
      cell(row, s.organisationName);
      cell(row, s.needs.map(directoryLabel).join(", "));
      cell(row, s.programmeWide ? "Programme-wide" : s.areas.map(directoryLabel).join(", "));
      cell(row, s.linkModes.map(mode => mode.toLowerCase()).join(", "));
      cell(row, s.open ? "open" : "withdrawn", s.open ? "" : "note");
    }));
  $("#directory-previous").disabled = found.page === 0;
  $("#directory-next").disabled = found.page + 1 >= found.totalPages;
  $("#directory-form").dataset.page = String(found.page);
}

function showDirectoryError(error) {
  $("#directory-error").textContent = error.message;
}

document.addEventListener("DOMContentLoaded", () => {
  const form = $("#directory-form");
  DIRECTORY_NEEDS.forEach(need => form.need.add(new Option(directoryLabel(need), need)));
  DIRECTORY_AREAS.forEach(area => form.area.add(new Option(directoryLabel(area), area)));
  const search = page => {
    $("#directory-error").textContent = "";
    loadDirectory(page).catch(showDirectoryError);
  };
  form.addEventListener("submit", event => {
    event.preventDefault();
    search(0);
  });
  $("#directory-previous").addEventListener("click", () => search(Number(form.dataset.page || 0) - 1));
  $("#directory-next").addEventListener("click", () => search(Number(form.dataset.page || 0) + 1));
});
