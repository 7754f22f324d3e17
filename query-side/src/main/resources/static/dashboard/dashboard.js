/*
 * The CLW Ledger dashboard: reads the query API as the caller, so every view shows only what the caller's role and
 * scope allow (the server decides; the views a role cannot use are not offered). A password is sent once, to
 * POST /api/session, for a short-lived bearer token; only that token is kept, in the tab's session storage.
 */
"use strict";

const TOKEN_KEY = "clw-ledger.token";
const COLOURS = {a: "#0b6e6e", b: "#c2571a", c: "#6a4fb3"};
// Earlier versions kept "Basic user:password" here: never leave it behind.
sessionStorage.removeItem("clw-ledger.authorization");
const state = {token: sessionStorage.getItem(TOKEN_KEY), me: null, settings: new Map(), settingAreas: new Map(),
  history: null, follows: new Map()};

const $ = selector => document.querySelector(selector);

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** The headers of every API call: the caller's token, and no browser login dialog on a 401. */
function authHeaders() {
  return {Authorization: "Bearer " + state.token, "X-Requested-With": "clw-dashboard"};
}

/** Calls the API as the caller; a 401 once logged in means the token has expired: back to the login. */
async function api(path, method = "GET") {
  const response = await fetch(path, {method, headers: {...authHeaders(), Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 && state.me) expired();
  if (!response.ok) throw new ApiError(response.status, body.detail || response.statusText);
  return body;
}

/*
 * A live view: the server's stream of server-sent events read with fetch (EventSource cannot send the token), each
 * "view" event the whole view again, shown as it comes; no polling. A dropped stream is opened again after a pause
 * that doubles from 1 s to at most 30 s (the server also ends each stream after a while, and the next one is
 * authorised afresh); a refusal (403, 404) is shown and not retried. Resolves with the first view, so that a
 * refresh waits for it as for any other read.
 */
function follow(name, path, show, selector) {
  unfollow(name);
  const control = new AbortController();
  state.follows.set(name, control);
  return new Promise((resolve, reject) => {
    let first = true;
    const failed = error => {
      if (first) reject(error); else showError(selector)(error);
      first = false;
    };
    (async () => {
      for (let pause = 1000; !control.signal.aborted; pause = Math.min(pause * 2, 30000)) {
        try {
          const response = await fetch(path, {signal: control.signal,
            headers: {...authHeaders(), Accept: "text/event-stream"}});
          if (response.status === 401 && state.me) return expired();
          if (!response.ok) {
            const body = await response.json().catch(() => ({}));
            throw new ApiError(response.status, body.detail || response.statusText);
          }
          await readEvents(response.body, control.signal, data => {
            show(JSON.parse(data));
            document.querySelectorAll(selector + " .error.load").forEach(node => node.remove());
            pause = 1000;
            if (first) resolve();
            first = false;
          });
        } catch (error) {
          if (control.signal.aborted) return;
          failed(error);
          if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) return;
        }
        await new Promise(wake => setTimeout(wake, pause));
      }
    })();
  });
}

function unfollow(name) {
  const control = state.follows.get(name);
  if (control) control.abort();
  state.follows.delete(name);
}

/** Calls {@code onView} with the data of each "view" event of a text/event-stream body, until it ends. */
async function readEvents(body, signal, onView) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener("abort", () => reader.cancel().catch(() => {}));
  let buffer = "";
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      const event = lines.find(line => line.startsWith("event:"))?.slice(6).trim();
      const data = lines.filter(line => line.startsWith("data:")).map(line => line.slice(5)).join("\n");
      if (event === "view") onView(data);
    }
  }
}

function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([key, value]) => { if (value) search.set(key, value); });
  return search.toString();
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  row.append(td);
  return td;
}

function table(element, headings, rows) {
  element.replaceChildren();
  const head = element.createTHead().insertRow();
  headings.forEach(([heading, numeric]) => {
    const th = document.createElement("th");
    th.textContent = heading;
    if (numeric) th.className = "number";
    head.append(th);
  });
  const body = element.createTBody();
  rows.forEach(fill => fill(body.insertRow()));
  if (rows.length === 0) cell(body.insertRow(), "Nothing to show for this selection.").colSpan = headings.length;
}

const percent = value => value === null || value === undefined || Number.isNaN(value) ? "–"
  : Math.round(value * 100) + "%";

/*
 * Figures withheld by statistical disclosure control are null and listed in their report's "suppressed"; they are
 * shown as [c] (confidential), never as blank or zero.
 */
const WITHHELD = "[c]";

function figure(report, path, format = String) {
  if (report.suppressed && report.suppressed.includes(path)) return WITHHELD;
  const value = path.split(".").reduce((node, key) => node === null || node === undefined ? node : node[key], report);
  return value === null || value === undefined ? format === percent ? "–" : "0" : format(value);
}

function withheldNote(element, suppressedBelow) {
  element.hidden = !suppressedBelow;
  element.textContent = suppressedBelow ? `${WITHHELD}: withheld to protect people in small numbers (counts of 1 to ` +
    `${suppressedBelow - 1}, and counts or rates from which one of them could be worked out).` : "";
}

/* UK formats in the programme's time zone, whatever the browser's locale: dd/mm/yyyy, dd/mm/yyyy hh:mm, Jan 2026. */

const LONDON = new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", day: "2-digit", month: "2-digit",
  year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23"});
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function londonParts(instant) {
  return Object.fromEntries(LONDON.formatToParts(new Date(instant)).map(part => [part.type, part.value]));
}

const day = instant => {
  if (!instant) return "";
  const p = londonParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
};
const dayAndTime = instant => {
  if (!instant) return "";
  const p = londonParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
};
/** A period key as a label: "2026-01" is "Jan 2026"; weeks and quarters stay as they are. */
const periodLabel = period => /^\d{4}-\d{2}$/.test(period)
  ? `${MONTHS[Number(period.slice(5)) - 1]} ${period.slice(0, 4)}` : period;
/** An ISO day (yyyy-mm-dd) as dd/mm/yyyy, and back; null when the text is not a real day. */
const ukDay = iso => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
function isoDay(text) {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [d, m, y] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.toISOString().slice(0, 10) : null;
}
const settingName = id => state.settings.get(id) || id;
const roleMay = section => section.dataset.roles.split(" ").includes(state.me.role);

/* Logging in and out. */

function utf8Base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** The password, sent once, for a token (POST /api/session); a single sign-on token is used as it is. */
async function sessionToken(form) {
  const token = form.token.value.trim();
  if (token) return token;
  const response = await fetch("/api/session", {method: "POST", headers: {Accept: "application/json",
    Authorization: "Basic " + utf8Base64(form.username.value + ":" + form.password.value),
    "X-Requested-With": "clw-dashboard"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.detail || response.statusText);
  return body.token;
}

async function logIn(event) {
  event.preventDefault();
  const form = event.target;
  try {
    state.token = await sessionToken(form);
    form.reset();
    await start();
    sessionStorage.setItem(TOKEN_KEY, state.token);
    $("#login-error").textContent = "";
  } catch (error) {
    state.token = null;
    form.password.value = "";
    form.token.value = "";
    $("#login-error").textContent = error.status === 401 ? "Unknown user or wrong password." : error.message;
  }
}

function logOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

function expired() {
  sessionStorage.removeItem(TOKEN_KEY);
  [...state.follows.keys()].forEach(unfollow);
  state.token = null;
  state.me = null;
  $("#views").hidden = true;
  $("#logout").hidden = true;
  $("#who").hidden = true;
  $("#login").hidden = false;
  $("#login-error").textContent = "Your session has expired: log in again.";
}

async function start() {
  state.me = await api("/api/me");
  $("#login").hidden = true;
  $("#views").hidden = false;
  $("#logout").hidden = false;
  const who = $("#who");
  who.hidden = false;
  who.textContent = `${state.me.username} · ${state.me.role.replace("_", " ").toLowerCase()}`
    + (state.me.workerId ? ` · ${state.me.workerId}` : "");
  document.querySelectorAll("[data-roles]").forEach(section => { section.hidden = !roleMay(section); });
  await loadSettings();
  // For the views that offer choices by role and scope (uptake.js's areas), once the caller and settings are known.
  document.dispatchEvent(new CustomEvent("dashboard-ready"));
  await refresh();
}

/* The period and setting every view is filtered by. */

function defaultPeriod() {
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  const filters = $("#filters");
  filters.from.value = ukDay(from.toISOString().slice(0, 10));
  filters.to.value = ukDay(today.toISOString().slice(0, 10));
}

function filters() {
  const form = $("#filters");
  return {from: isoDay(form.from.value), to: isoDay(form.to.value), setting: form.setting.value};
}

/** The form's pattern refuses a malformed day; this refuses one that does not exist, such as 31/02/2026. */
function checkPeriod() {
  const form = $("#filters");
  [form.from, form.to].forEach(field => field.setCustomValidity(
    isoDay(field.value) ? "" : "Enter a real day as dd/mm/yyyy"));
  return form.reportValidity();
}

/* Every role reads the settings' names (not personal data): for labels and the setting filter. */
async function loadSettings() {
  const settings = await api("/api/settings");
  const select = $("#filters").setting;
  settings.forEach(setting => {
    state.settings.set(setting.settingId, setting.name);
    state.settingAreas.set(setting.settingId, setting.hscp);
    select.add(new Option(`${setting.name} (${setting.settingId})`, setting.settingId));
  });
}

function showError(selector) {
  return error => {
    const section = $(selector);
    let message = section.querySelector(".error.load");
    if (!message) {
      message = document.createElement("p");
      message.className = "error load";
      section.append(message);
    }
    message.textContent = error.message;
  };
}

async function refresh() {
  document.querySelectorAll(".error.load").forEach(node => node.remove());
  const loads = [
    ["#timeline", loadTimeline], ["#statistics", loadStatistics], ["#caseloads", followCaseloads],
    ["#waiting", followWaitingList], ["#projections", followProjections]];
  await Promise.all(loads.filter(([selector]) => roleMay($(selector)))
    .map(([selector, load]) => load().catch(showError(selector))));
}

/* The programme's timeline. */

async function loadTimeline() {
  const {from, to, setting} = filters();
  const period = query({from, to, setting, interval: "month"});
  const [timeline, statistics] = await Promise.all([
    api("/api/timeline/series?" + period), api("/api/statistics/series?" + period)]);
  const labels = timeline.periods.map(p => periodLabel(p.period));
  const withheld = name => timeline.periods.map(p => p.suppressed.includes(name));
  Charts.render($("#chart-flows"), {kind: "bar", labels, series: [
    {name: "Referrals in", color: COLOURS.a, values: timeline.periods.map(p => p.referralsIn),
      withheld: withheld("referralsIn")},
    {name: "Closed", color: COLOURS.b, values: timeline.periods.map(p => p.closuresOut),
      withheld: withheld("closuresOut")}]});
  Charts.render($("#chart-open"), {kind: "line", labels, series: [
    {name: "Open cases", color: COLOURS.a, values: timeline.periods.map(p => p.openAtEnd),
      withheld: withheld("openAtEnd")},
    {name: "Waiting", color: COLOURS.c, values: timeline.periods.map(p => p.waitingAtEnd),
      withheld: withheld("waitingAtEnd")}]});
  Charts.render($("#chart-dna"), {kind: "line", percent: true,
    labels: statistics.periods.map(p => periodLabel(p.period)),
    series: [{name: "DNA rate", color: COLOURS.b, values: statistics.periods.map(p => {
      const all = p.groups.all;
      return all && all.appointments.dnaRate !== null ? all.appointments.dnaRate : null;
    }), withheld: statistics.periods.map(p => Boolean(p.groups.all
      && p.groups.all.suppressed.includes("appointments.dnaRate")))}]});
  withheldNote($("#timeline-note"), timeline.suppressedBelow);
}

/* Statistics for the period, by a grouping. */

async function loadStatistics() {
  const {from, to, setting} = filters();
  const groupBy = $("#group-by").value;
  const series = await api("/api/statistics/series?" + query({from, to, setting, groupBy, interval: "quarter"}));
  // Each group over the whole period, as the server published it (withheld figures cannot be summed here).
  const rows = Object.entries(series.totals)
    .sort((a, b) => (b[1].referrals.received ?? -1) - (a[1].referrals.received ?? -1));
  table($("#statistics-table"), [[groupBy], ["Referrals", 1], ["Accepted", 1], ["Declined", 1], ["Attended", 1],
    ["DNA rate", 1], ["Closed", 1], ["Goals met", 1], ["Onward", 1], ["Uptake", 1]],
  rows.map(([group, s]) => row => {
    cell(row, groupBy === "setting" ? settingName(group) : group.replaceAll("_", " ").toLowerCase());
    ["referrals.received", "referrals.accepted", "referrals.declined", "appointments.attended"]
      .forEach(path => cell(row, figure(s, path), "number"));
    cell(row, figure(s, "appointments.dnaRate", percent), "number");
    ["closures.total", "closures.byReason.GOALS_MET", "onwardReferrals.made"]
      .forEach(path => cell(row, figure(s, path), "number"));
    cell(row, figure(s, "onwardReferrals.uptake", percent), "number");
  }));
  withheldNote($("#statistics-note"), series.suppressedBelow);
}

/* Caseloads against capacity. */

function capacityBar(row, worker) {
  const bar = document.createElement("div");
  bar.className = "bar" + (worker.overCapacity ? " over" : "");
  const fill = document.createElement("span");
  fill.style.width = Math.min(100, worker.capacity ? (worker.openCases / worker.capacity) * 100 : 100) + "%";
  bar.append(fill);
  bar.title = `${worker.openCases} of ${worker.capacity}`;
  cell(row, "").append(bar);
}

/** Live: a links worker follows their own caseload, anyone else the workers they may see (the first 200). */
function followCaseloads() {
  if (state.me.role === "LINKS_WORKER") {
    return follow("caseloads", `/api/links-workers/${encodeURIComponent(state.me.workerId)}/caseload/live`,
      showOwnCaseload, "#caseloads");
  }
  return follow("caseloads", "/api/links-workers/live?size=200", page => showWorkers(page.items), "#caseloads");
}

function showOwnCaseload(own) {
  table($("#caseloads-table"), [["Case"], ["Setting"], ["Status"], ["Allocated"], ["Next appointment"]],
    own.cases.map(c => row => {
      caseLink(cell(row, ""), c.referralId);
      cell(row, settingName(c.settingId));
      cell(row, c.status.toLowerCase());
      cell(row, day(c.allocatedAt));
      cell(row, dayAndTime(c.nextAppointment));
    }));
}

function showWorkers(all) {
  const {setting} = filters();
  const workers = all.filter(w => w.active && (!setting || w.settings.includes(setting)))
    .sort((a, b) => b.openCases / b.capacity - a.openCases / a.capacity);
  table($("#caseloads-table"), [["Worker"], ["Settings"], ["Open", 1], ["Capacity", 1], ["Load"]],
    workers.map(w => row => {
      row.dataset.worker = w.workerId;
      cell(row, `${w.name} (${w.workerId})`);
      cell(row, w.settings.map(settingName).join(", "));
      cell(row, w.openCases, "number");
      cell(row, w.capacity, "number");
      capacityBar(row, w);
    }));
}

/* The waiting list. */

/** Live, for the setting filtered by (or every setting the caller may see). */
function followWaitingList() {
  const {setting} = filters();
  return follow("waiting", "/api/waiting-list/live?" + query({setting, size: 100}), showWaitingList, "#waiting");
}

function showWaitingList(list) {
  $("#waiting-summary").textContent =
    `${list.referrals.totalItems} waiting, ${list.overdue} over the ${list.targetDays}-day target`;
  table($("#waiting-table"), [["Case"], ["Setting"], ["Status"], ["Received"], ["Days waiting", 1], ["Worker"]],
    list.referrals.items.map(r => row => {
      caseLink(cell(row, ""), r.referralId);
      cell(row, settingName(r.settingId));
      cell(row, r.status.toLowerCase());
      cell(row, day(r.receivedAt));
      cell(row, r.daysWaiting, "number" + (r.overdue ? " error" : ""));
      cell(row, r.workerId);
    }));
}

/* A case's history, with the case as it stood after any of its events. */

function caseLink(td, referralId) {
  if (!roleMay($("#history"))) {
    td.textContent = referralId;
    return;
  }
  const link = document.createElement("a");
  link.href = "#history";
  link.textContent = referralId;
  link.addEventListener("click", () => openHistory(referralId));
  td.append(link);
}

async function openHistory(referralId) {
  const form = $("#history-form");
  form.referralId.value = referralId;
  $("#history-error").textContent = "";
  try {
    const [events, verification] = await Promise.all([
      api(`/api/cases/${encodeURIComponent(referralId)}/history`),
      api(`/api/cases/${encodeURIComponent(referralId)}/history/verification`)]);
    state.history = {referralId, events};
    const badge = $("#verification");
    badge.className = verification.intact ? "ok" : "broken";
    badge.textContent = verification.intact ? `Hash chain intact (${verification.events} events)`
      : `Hash chain broken at event ${verification.firstBrokenSequence}: ${verification.finding}`;
    const list = $("#history-events");
    list.replaceChildren(...events.map(event => {
      const item = document.createElement("li");
      // Numbered from 1, like the verification's count and the slider; the API's version is one less.
      item.value = event.sequence + 1;
      const metadata = event.metadata || {};
      // A reason is in the event's payload where it has one, else (an erasure) in its audit metadata.
      const reason = (event.payload && event.payload.reason) || metadata.reason;
      item.textContent = `${event.type} — ${metadata.actorId || "?"} (${(metadata.actorRole || "").toLowerCase()}), `
        + dayAndTime(event.occurredAt) + (reason ? `, reason ${reason}` : "");
      return item;
    }));
    const slider = $("#as-of");
    slider.max = events.length - 1;
    slider.value = events.length - 1;
    $("#history-view").hidden = false;
    await showVersion(events.length - 1);
  } catch (error) {
    $("#history-view").hidden = true;
    $("#verification").textContent = "";
    $("#history-error").textContent = error.message;
  }
}

function markEvents(version) {
  const {events} = state.history;
  const event = events[version];
  $("#as-of-label").textContent = `event ${version + 1} of ${events.length}: ${event.type}, `
    + dayAndTime(event.occurredAt);
  document.querySelectorAll("#history-events li").forEach((item, index) => {
    item.className = index > version ? "after" : index === version ? "current" : "";
  });
}

async function showVersion(version) {
  markEvents(version);
  const {referralId} = state.history;
  const c = await api(`/api/cases/${encodeURIComponent(referralId)}?version=${version}`);
  if (Number($("#as-of").value) !== version) return;
  const booked = c.appointments.filter(appointment => appointment.state === "BOOKED").length;
  const facts = [
    ["Status", c.status.toLowerCase()], ["Setting", settingName(c.settingId)],
    ["Needs", c.needs.map(n => n.replaceAll("_", " ").toLowerCase()).join(", ")], ["Route", c.route],
    ["Received", day(c.receivedAt)], ["Links worker", c.workerId || "–"],
    ["Appointments", `${booked} booked now, ${c.appointmentsAttended} attended, `
      + `${c.appointmentsMissed} missed, ${c.appointmentsCancelled} cancelled`],
    ["Onward referrals", c.onwardReferrals.length], ["Outcome measures", c.outcomeMeasures.length],
    ["Closures", c.closures.map(closure => `${day(closure.closedAt)} ${closure.reason}`).join("; ") || "–"]];
  $("#history-state").replaceChildren(...facts.flatMap(([term, value]) => {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset.fact = term;
    return [dt, dd];
  }));
}

let sliderTimer;
function slid() {
  const version = Number($("#as-of").value);
  markEvents(version);
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(() => showVersion(version).catch(error => {
    $("#history-error").textContent = error.message;
  }), 120);
}

/* Projection status, and rebuilding one online. */

function followProjections() {
  return follow("projections", "/api/admin/projections/live", showProjections, "#projections");
}

function showProjections(projections) {
  table($("#projections-table"), [["Projection"], ["State"], ["Position", 1], ["Lag", 1], ["Events/s", 1],
    ["Replay"], ["ETA", 1], [""]],
  projections.map(p => row => {
    row.dataset.projection = p.name;
    cell(row, p.name);
    // A standby instance runs the processor but another instance processes the projection.
    cell(row, p.error ? "error" : !p.running ? "stopped"
      : p.state === "caught up on another instance" ? "on another instance" : p.replaying ? "replaying" : "live",
      p.error ? "error" : "");
    cell(row, `${p.position} / ${p.headPosition}`, "number");
    cell(row, p.lag, "number");
    cell(row, p.eventsPerSecond, "number");
    const progress = document.createElement("div");
    progress.className = "bar";
    const fill = document.createElement("span");
    fill.style.width = (p.replayPercent ?? 100) + "%";
    progress.append(fill);
    progress.title = p.replayPercent === null ? "not replaying" : p.replayPercent + "%";
    cell(row, "").append(progress);
    cell(row, p.etaSeconds === null ? "–" : p.etaSeconds + " s", "number");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Rebuild";
    button.addEventListener("click", () => rebuild(p.name));
    cell(row, "").append(button);
  }));
}

async function rebuild(name) {
  if (!confirm(`Rebuild ${name}? Its read model is cleared and replayed from the event store.`)) return;
  // The live view shows the replay as it goes.
  await api(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`, "POST").catch(showError("#projections"));
}

/* Wiring. */

document.addEventListener("DOMContentLoaded", () => {
  defaultPeriod();
  $("#login").addEventListener("submit", logIn);
  $("#logout").addEventListener("click", logOut);
  $("#filters").addEventListener("submit", event => {
    event.preventDefault();
    if (checkPeriod()) refresh();
  });
  ["from", "to"].forEach(name => $("#filters")[name].addEventListener("input", event => {
    event.target.setCustomValidity("");
  }));
  $("#group-by").addEventListener("change", () => loadStatistics().catch(showError("#statistics")));
  $("#history-form").addEventListener("submit", event => {
    event.preventDefault();
    openHistory(event.target.referralId.value.trim());
  });
  $("#as-of").addEventListener("input", slid);
  if (state.token) {
    start().catch(() => {
      sessionStorage.removeItem(TOKEN_KEY);
      state.token = null;
    });
  }
});
