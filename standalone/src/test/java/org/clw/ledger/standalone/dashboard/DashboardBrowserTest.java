package org.clw.ledger.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.clw.ledger.standalone.TestSystem;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the standalone system
 * with a small demo programme: log in, the timeline charts render with data, a case history opens and its as-of slider
 * changes the case shown, roles see only their views, setting names for every role, UK dates whatever the browser's
 * locale (the browser runs in en-US). Screenshots go to target/screenshots.
 *
 * <p>Skipped where Chromium or chromedriver is not installed, except under CI, which installs them (.ci/run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CASE = "ref-000042";
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final DateTimeFormatter UK_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/London"));

    ConfigurableApplicationContext app;
    String base;
    WebDriver browser;
    WebDriverWait wait;
    Path profile;

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        }
        assumeTrue(installed, "Chromium and chromedriver are not installed");
        app = TestSystem.start(dataDir, "--spring.application.name=dashboard-browser-test",
                "--clw.demo.enabled=true", "--clw.demo.referrals=300", "--clw.live.heartbeat=PT1S");
        base = TestSystem.baseUrl(app);
        RestClient admin = TestSystem.loggedIn(base, "admin");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                admin.get().uri("/api/cases?size=1").retrieve().body(JsonNode.class).path("totalItems").asInt() == 300
                        && admin.get().uri("/api/admin/projections").retrieve().body(JsonNode.class)
                        .findValues("lag").stream().allMatch(lag -> lag.asLong() == 0));
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory(dataDir, "chromium-profile");
        openBrowser();
    }

    /**
     * A new tab per test, in the browser the class started: no token of the test before (the dashboard keeps it in
     * the tab's session storage) and nothing it logged; starting a browser per test cost seconds each.
     */
    @BeforeEach
    void openTab() {
        String previous = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String fresh = browser.getWindowHandle();
        browser.switchTo().window(previous).close();
        browser.switchTo().window(fresh);
        browser.manage().logs().get(LogType.BROWSER);
    }

    private void openBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
                        "--user-data-dir=" + profile, "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        // The live tables are redrawn whenever their view changes: an element read during a redraw is looked up again.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_evaluator_sees_the_programme_year_in_charts_and_no_case() throws IOException {
        logIn("evaluator");
        wait.until(driver -> driver.findElements(By.cssSelector("#chart-flows svg rect.value")).size() >= 12);
        assertThat(browser.findElements(By.cssSelector("#chart-open svg circle.value"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElements(By.cssSelector("#chart-dna svg circle.value"))).isNotEmpty();
        wait.until(driver -> driver.findElements(By.cssSelector("#statistics-table tbody tr")).size() > 1);
        assertThat(browser.findElement(By.id("who")).getText()).contains("evaluator");
        for (String caseView : List.of("caseloads", "waiting", "history", "projections")) {
            assertThat(browser.findElement(By.id(caseView)).isDisplayed()).as(caseView).isFalse();
        }
        screenshot("dashboard-evaluator.png");
    }

    @Test
    void an_evaluator_sees_setting_names_and_filters_by_setting() {
        Map<String, String> names = new TreeMap<>();
        TestSystem.demoUser(base, "evaluator").get().uri("/api/settings").retrieve().body(JsonNode.class)
                .forEach(setting -> names.put(setting.path("settingId").asText(), setting.path("name").asText()));
        assertThat(names).isNotEmpty();
        logIn("evaluator");
        wait.until(driver -> new Select(filter("setting")).getOptions().size() == names.size() + 1);
        wait.until(driver -> driver.findElements(By.cssSelector("#statistics-table tbody tr")).size() > 1);
        List<String> groups = browser.findElements(By.cssSelector("#statistics-table tbody td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(groups).allSatisfy(group -> assertThat(names.values()).contains(group));

        // The busiest setting (the table's first row), chosen by its name.
        String busiest = groups.get(0);
        new Select(filter("setting")).selectByVisibleText(busiest + " (" + names.entrySet().stream()
                .filter(entry -> entry.getValue().equals(busiest)).findFirst().orElseThrow().getKey() + ")");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#statistics-table tbody td:first-child")).stream()
                .map(WebElement::getText).toList().equals(List.of(busiest)));
    }

    @Test
    void the_demo_directory_is_searched_by_need_and_area_programme_wide_services_included() {
        logIn("evaluator");
        new Select(browser.findElement(By.cssSelector("#directory-form select[name=need]"))).selectByValue("FUEL_POVERTY");
        new Select(browser.findElement(By.cssSelector("#directory-form select[name=area]")))
                .selectByValue("WEST_DUNBARTONSHIRE");
        browser.findElement(By.cssSelector("#directory-form button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#directory-table tbody tr")).size() > 1);
        List<List<String>> rows = browser.findElements(By.cssSelector("#directory-table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(2)).contains("Fuel poverty");
            assertThat(row.get(3)).matches("Programme-wide|.*West dunbartonshire.*");
        });
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).isEqualTo("Programme-wide"));
        assertThat(browser.findElement(By.id("directory-summary")).getText()).contains("services");
    }

    @Test
    void an_admin_sees_service_uptake_and_the_gaps_as_the_api_gives_them() throws IOException {
        logIn("admin");
        browser.findElement(By.cssSelector("#uptake-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uptake-summary"), "outside the directory"));
        String from = browser.findElement(By.cssSelector("#uptake-form input[name=from]")).getDomProperty("value");
        String to = browser.findElement(By.cssSelector("#uptake-form input[name=to]")).getDomProperty("value");
        JsonNode gaps = TestSystem.demoUser(base, "admin").get()
                .uri("/api/uptake/gaps?from={from}&to={to}", from, to).retrieve().body(JsonNode.class);
        JsonNode services = TestSystem.demoUser(base, "admin").get()
                .uri("/api/uptake/services?from={from}&to={to}", from, to).retrieve().body(JsonNode.class);
        assertThat(browser.findElement(By.id("uptake-summary")).getText())
                .startsWith(services.path("total").path("made").asLong() + " onward referrals to "
                        + services.path("rows").path("totalItems").asLong() + " services")
                .contains("; " + gaps.path("total").path("made").asLong() + " outside the directory");
        assertThat(browser.findElements(By.cssSelector("#uptake-gaps tbody tr")))
                .hasSize(Math.max(1, gaps.path("gaps").size()));
        // Every organisation the API counts, not a first page of them.
        JsonNode organisations = TestSystem.demoUser(base, "admin").get()
                .uri("/api/uptake/organisations?from={from}&to={to}&size=200", from, to).retrieve()
                .body(JsonNode.class);
        assertThat(browser.findElements(By.cssSelector("#uptake-organisations tbody tr")))
                .hasSize((int) Math.max(1, Math.min(200, organisations.path("rows").path("totalItems").asLong())));
        assertThat(browser.findElement(By.id("uptake-withheld")).isDisplayed()).isFalse();
        screenshot("dashboard-uptake.png");
    }

    /** A manager may ask only about an area where they manage a setting: the view offers those, not the programme. */
    @Test
    void a_manager_is_offered_the_areas_of_their_settings_for_uptake() {
        logIn("manager");
        Select area = new Select(browser.findElement(By.cssSelector("#uptake-form select[name=hscp]")));
        wait.until(driver -> !area.getOptions().isEmpty());
        assertThat(area.getOptions()).extracting(WebElement::getText).containsExactly("Glasgow city");
        browser.findElement(By.cssSelector("#uptake-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uptake-summary"), "outside the directory"));
        assertThat(browser.findElement(By.id("uptake-error")).getText()).isEmpty();
    }

    @Test
    void an_evaluator_sees_uptake_under_disclosure_control_and_a_links_worker_no_uptake() {
        logIn("evaluator");
        browser.findElement(By.cssSelector("#uptake-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uptake-withheld")));
        assertThat(browser.findElement(By.id("uptake-withheld")).getText()).contains("withheld");
        assertThat(browser.findElement(By.id("uptake-error")).getText()).isEmpty();
        browser.findElement(By.id("logout")).click();
        logIn("worker");
        assertThat(browser.findElement(By.id("uptake")).isDisplayed()).isFalse();
    }

    @Test
    void dates_are_in_uk_formats_whatever_the_browser_locale() {
        logIn("evaluator");
        assertThat(filter("from").getAttribute("value")).matches("01/\\d{2}/\\d{4}");
        assertThat(filter("to").getAttribute("value")).matches("\\d{2}/\\d{2}/\\d{4}");
        wait.until(driver -> driver.findElements(By.cssSelector("#chart-flows svg text.period")).size() >= 12);
        // Months as "Jan", the year beneath the first month and each January; never "26-01".
        assertThat(browser.findElements(By.cssSelector("#chart-flows svg text.period")))
                .extracting(WebElement::getText).allMatch(MONTHS::contains);
        List<String> years = browser.findElements(By.cssSelector("#chart-flows svg text.period-below")).stream()
                .map(WebElement::getText).toList();
        assertThat(years).isNotEmpty().allMatch(year -> year.matches("\\d{4}"));

        // A day that does not exist is refused in the form, not sent.
        WebElement from = filter("from");
        from.clear();
        from.sendKeys("31/02/2026");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(driver -> "Enter a real day as dd/mm/yyyy".equals(from.getDomProperty("validationMessage")));
    }

    @Test
    void the_site_icon_is_served_to_anyone_and_the_console_stays_clean() {
        logIn("evaluator");
        wait.until(driver -> driver.findElements(By.cssSelector("#statistics-table tbody tr")).size() > 1
                && driver.findElements(By.cssSelector("#chart-dna svg circle.value")).size() > 0);
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.ico");
        // Fetched as the browser fetches an icon: without the page's credentials.
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/favicon.ico', {credentials: 'omit'})
                    .then(response => done(response.status + ' ' + response.headers.get('content-type')));
                """);
        assertThat(String.valueOf(answer)).startsWith("200 image/");
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).isEmpty();
    }

    @Test
    void an_auditor_opens_a_case_history_and_moves_through_it_with_the_as_of_slider() throws IOException {
        JsonNode latest = TestSystem.demoUser(base, "auditor").get().uri("/api/cases/" + CASE).retrieve()
                .body(JsonNode.class);
        int events = latest.path("version").asInt() + 1;
        long bookedNow = StreamSupport.stream(latest.path("appointments").spliterator(), false)
                .filter(appointment -> appointment.path("state").asText().equals("BOOKED")).count();
        logIn("auditor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        WebElement caseField = browser.findElement(By.cssSelector("#history-form input[name=referralId]"));
        caseField.sendKeys(CASE, Keys.ENTER);
        // One numbering: the verification's count, the list's numbers and the slider's "event n of N".
        wait.until(ExpectedConditions.textToBe(By.id("verification"), "Hash chain intact (" + events + " events)"));
        // The case as it stands is fetched after the history and its verification: wait for it too.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd[data-fact=Status]")));
        List<WebElement> items = browser.findElements(By.cssSelector("#history-events li"));
        assertThat(items).hasSize(events);
        assertThat(items.get(0).getAttribute("value")).isEqualTo("1");
        assertThat(items.get(events - 1).getAttribute("value")).isEqualTo(String.valueOf(events));
        assertThat(browser.findElement(By.id("as-of-label")).getText()).startsWith("event " + events + " of " + events);
        assertThat(items.get(0).getText()).startsWith("ReferralReceived").contains("(links_worker)")
                .containsPattern(", \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        String latestStatus = fact("Status");
        assertThat(latestStatus).isNotEqualTo("received");
        assertThat(fact("Received")).isEqualTo(UK_DAY.format(Instant.parse(latest.path("receivedAt").asText())));
        // Booked now: booked and not since cancelled, attended or missed.
        assertThat(fact("Appointments")).isEqualTo(bookedNow + " booked now, "
                + latest.path("appointmentsAttended").asInt() + " attended, "
                + latest.path("appointmentsMissed").asInt() + " missed, "
                + latest.path("appointmentsCancelled").asInt() + " cancelled");

        WebElement slider = browser.findElement(By.id("as-of"));
        slider.sendKeys(Keys.HOME);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-fact=Status]"), "received"));
        assertThat(browser.findElement(By.id("as-of-label")).getText())
                .startsWith("event 1 of " + events + ": ReferralReceived, ");
        assertThat(browser.findElements(By.cssSelector("#history-events li.after"))).hasSize(events - 1);
        assertThat(fact("Links worker")).isEqualTo("–");
        assertThat(fact("Appointments")).isEqualTo("0 booked now, 0 attended, 0 missed, 0 cancelled");
        slider.sendKeys(Keys.ARROW_RIGHT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("as-of-label"), "event 2 of "));
        wait.until(driver -> !fact("Status").equals("received"));
        screenshot("dashboard-case-history.png");

        slider.sendKeys(Keys.END);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-fact=Status]"), latestStatus));
    }

    @Test
    void an_admin_sees_every_view_and_the_projections_live() throws IOException {
        logIn("admin");
        wait.until(driver -> driver.findElements(By.cssSelector("#projections-table tbody tr")).size() == 4
                && driver.findElements(By.cssSelector("#projections-table tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).allMatch("live"::equals));
        wait.until(driver -> driver.findElements(By.cssSelector("#caseloads-table tbody tr")).size() > 10);
        wait.until(driver -> driver.findElements(By.cssSelector("#waiting-table tbody tr")).size() > 0);
        wait.until(driver -> driver.findElements(By.cssSelector("#chart-flows svg rect.value")).size() >= 12);
        screenshot("dashboard.png");
        browser.findElement(By.cssSelector("#history-form input[name=referralId]")).sendKeys(CASE, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "Hash chain intact"));
        screenshot("dashboard-admin.png");

        browser.findElement(By.cssSelector("tr[data-projection=cases] button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(driver -> "live".equals(projectionState("cases"))
                && driver.findElement(By.cssSelector("tr[data-projection=cases] td:nth-child(4)")).getText()
                .equals("0"));
        assertThat(browser.findElements(By.cssSelector("#projections .error"))).isEmpty();
    }

    /**
     * With the dashboard open, commands through the API change its waiting list and caseloads where it stands: the
     * page follows live views, so nothing is reloaded and neither list is fetched again (the page's own resource
     * timings list every request that has completed; an open stream has not).
     */
    @Test
    void commands_show_in_the_open_dashboard_without_a_reload_and_without_polling() {
        logIn("manager");
        RestClient manager = TestSystem.loggedIn(base, "manager");
        JsonNode worker = StreamSupport.stream(manager.get().uri("/api/links-workers?size=200").retrieve()
                        .body(JsonNode.class).path("items").spliterator(), false)
                .filter(candidate -> candidate.path("active").asBoolean()
                        && candidate.path("availablePlaces").asInt() > 0
                        && candidate.path("settings").toString().contains("\"gp-40001\""))
                .findFirst().orElseThrow();
        String workerId = worker.path("workerId").asText();
        By openCases = By.cssSelector("#caseloads-table tr[data-worker='" + workerId + "'] td:nth-child(3)");
        wait.until(ExpectedConditions.visibilityOfElementLocated(openCases));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-summary")));
        int waitingBefore = waitingCount();
        int openBefore = Integer.parseInt(browser.findElement(openCases).getText());
        Object marker = ((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin;");

        String participant = manager.post().uri("/api/participants").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("personalDetails", Map.of("givenName", "Morag", "familyName", "Fakename"),
                        "demographics", Map.of("gender", "FEMALE", "ageBand", "AGE_35_44")))
                .retrieve().body(JsonNode.class).path("id").asText();
        manager.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("referralId", "ref-live-1", "participantId", participant, "settingId", "gp-40001",
                        "needs", List.of("DEBT"), "primaryNeed", "DEBT", "route", "GP", "consentRecorded", true,
                        "receivedAt", Instant.now().minus(Duration.ofHours(1)).toString()))
                .retrieve().toBodilessEntity();
        wait.until(driver -> waitingCount() == waitingBefore + 1);

        manager.post().uri("/api/referrals/ref-live-1/acceptance").retrieve().toBodilessEntity();
        manager.post().uri("/api/referrals/ref-live-1/allocation").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("workerId", workerId)).retrieve().toBodilessEntity();
        wait.until(driver -> Integer.parseInt(driver.findElement(openCases).getText()) == openBefore + 1);

        assertThat(((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin;"))
                .as("the same page, not reloaded").isEqualTo(marker);
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname);");
        assertThat(requested).as("requests completed by the page").isNotEmpty()
                .noneMatch(path -> path.startsWith("/api/waiting-list") || path.startsWith("/api/links-workers"));
    }

    private int waitingCount() {
        String summary = browser.findElement(By.id("waiting-summary")).getText();
        return summary.isEmpty() ? -1 : Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
    }

    private String projectionState(String name) {
        return browser.findElement(By.cssSelector("tr[data-projection=" + name + "] td:nth-child(2)")).getText();
    }

    @Test
    void the_page_runs_under_a_strict_content_security_policy_and_keeps_a_token_not_the_password() {
        logIn("manager");
        Object policy = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/dashboard/', {credentials: 'omit'})
                    .then(response => done(response.headers.get('content-security-policy') + ' | '
                        + response.headers.get('referrer-policy')));
                """);
        assertThat(String.valueOf(policy)).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "| no-referrer").doesNotContain("unsafe-inline", "unsafe-eval");
        String stored = String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]);"));
        assertThat(stored).doesNotContain("manager-demo", "Basic ", Base64.getEncoder().encodeToString(
                "manager:manager-demo".getBytes(StandardCharsets.UTF_8)));
        // A JWT, and the page goes on with it after a reload, without the password.
        assertThat(stored).containsPattern("\\[\"clw-ledger\\.token\",\"[\\w-]+\\.[\\w-]+\\.[\\w-]+\"]");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("views")));
        assertThat(browser.findElement(By.id("who")).getText()).contains("manager");
    }

    @Test
    void a_wrong_password_is_refused_without_a_browser_dialog() {
        browser.get(base + "/");
        browser.findElement(By.name("username")).sendKeys("manager");
        browser.findElement(By.name("password")).sendKeys("not-the-password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Unknown user or wrong password."));
        assertThat(browser.findElement(By.id("views")).isDisplayed()).isFalse();
    }

    private void logIn(String user) {
        browser.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(user + "-demo", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("views")));
    }

    private WebElement filter(String name) {
        return browser.findElement(By.cssSelector("#filters [name=" + name + "]"));
    }

    private String fact(String name) {
        return browser.findElement(By.cssSelector("dd[data-fact='" + name + "']")).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}
