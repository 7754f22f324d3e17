package org.clw.ledger.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules, checked over the production classes of every module: the module graph, no cycles between the
 * packages of a module, no Spring in the event contract, the aggregates or the domain's refusals, and feature classes
 * package-private unless another package uses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String EVENTS = "org.clw.ledger.events..";
    private static final String API = "org.clw.ledger.api..";
    private static final String PRIVACY = "org.clw.ledger.privacy..";
    private static final String EMBEDDED = "org.clw.ledger.embedded..";
    private static final String COMMAND = "org.clw.ledger.command..";
    private static final String QUERY = "org.clw.ledger.query..";
    private static final String STANDALONE = "org.clw.ledger.standalone..";

    JavaClasses production;

    @BeforeAll
    void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clw.ledger");
    }

    @Test
    void the_event_contract_depends_on_no_other_module_and_on_no_spring() {
        noClasses().that().resideInAPackage(EVENTS)
                .should().dependOnClassesThat().resideInAnyPackage(API, PRIVACY, EMBEDDED, COMMAND, QUERY,
                        STANDALONE, "org.springframework..")
                .check(production);
    }

    @Test
    void the_shared_modules_know_neither_side() {
        noClasses().that().resideInAnyPackage(API, PRIVACY, EMBEDDED)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, STANDALONE)
                .check(production);
    }

    @Test
    void the_command_side_and_the_query_side_know_nothing_of_each_other_or_of_the_standalone_system() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, STANDALONE)
                .check(production);
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, STANDALONE)
                .check(production);
    }

    @Test
    void aggregates_and_the_domain_s_refusals_use_no_spring() {
        noClasses().that().areAnnotatedWith(Aggregate.class).or().resideInAPackage("org.clw.ledger.command.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"events", "api", "privacy", "embedded", "command", "query", "standalone"})
    void the_packages_of_a_module_have_no_cycles(String module) {
        slices().matching("org.clw.ledger." + module + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(production);
    }

    /**
     * The same rule over the sources' imports, which also see what the class files cannot: a constant (a collection
     * name, say) that the compiler copied into the class that uses it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"shared-events:events", "api-support:api", "privacy:privacy", "command-side:command",
            "query-side:query", "standalone:standalone"})
    void the_packages_of_a_module_import_each_other_without_cycles(String moduleAndPackage) throws IOException {
        String[] parts = moduleAndPackage.split(":");
        Path sources = Path.of("..", parts[0], "src", "main", "java", "org", "clw", "ledger", parts[1]);
        Map<String, Set<String>> imports = new TreeMap<>();
        Pattern featureImport = Pattern.compile("^import (?:static )?org\\.clw\\.ledger\\." + parts[1]
                + "\\.([a-z]+)\\.", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = sources.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                Matcher matcher = featureImport.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(feature)) {
                        imports.computeIfAbsent(feature, key -> new TreeSet<>()).add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(cycles(imports)).as("import cycles between the packages of " + parts[0]).isEmpty();
    }

    /** Each package that can reach itself through imports, with one path that does. */
    private static List<String> cycles(Map<String, Set<String>> imports) {
        List<String> found = new ArrayList<>();
        for (String start : imports.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>(List.of(List.of(start)));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.poll();
                for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        found.add(String.join(" -> ", longer));
                        paths.clear();
                        break;
                    }
                    if (seen.add(next)) {
                        paths.add(longer);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Commands stay public whatever uses them: they are messages, which Axon Server carries between JVMs. A class that
     * declares a public constant is used where the compiler copied the constant in, which the class files no longer
     * show. A service provider (META-INF/services) is found by its public name. {@code ProjectionStatus} is read by
     * the benchmarks module, which is not on this test's class path.
     */
    @ParameterizedTest
    @ValueSource(strings = {"command", "query", "standalone"})
    void a_feature_class_is_public_only_when_another_package_uses_it(String side) {
        classes().that().resideInAPackage("org.clw.ledger." + side + "..").and().arePublic()
                .and().areTopLevelClasses()
                .and(DescribedPredicate.not(startsAnApplication().or(isACommand()).or(declaresAPublicConstant())
                        .or(isAServiceProvider())))
                .and().doNotHaveFullyQualifiedName("org.clw.ledger.query.projection.ProjectionStatus")
                .should(beUsedFromAnotherPackage())
                .allowEmptyShould(true)
                .check(production);
    }

    private static DescribedPredicate<JavaClass> startsAnApplication() {
        return DescribedPredicate.describe("start an application", javaClass -> javaClass.getMethods().stream()
                .anyMatch(method -> method.getName().equals("main")
                        && method.getModifiers().contains(JavaModifier.STATIC)));
    }

    private static DescribedPredicate<JavaClass> isAServiceProvider() {
        Set<String> providers = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of(".."), 7)) {
            for (Path file : files.filter(f -> f.getParent() != null && f.getParent().endsWith(
                    Path.of("src", "main", "resources", "META-INF", "services"))).toList()) {
                Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(providers::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DescribedPredicate.describe("are service providers",
                javaClass -> providers.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> isACommand() {
        return DescribedPredicate.describe("are commands", javaClass -> javaClass.getAllFields().stream()
                .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class))
                || javaClass.getConstructors().stream().anyMatch(constructor -> constructor.getParameters().stream()
                .anyMatch(parameter -> parameter.isAnnotatedWith(TargetAggregateIdentifier.class))));
    }

    private static DescribedPredicate<JavaClass> declaresAPublicConstant() {
        return DescribedPredicate.describe("declare a public constant", javaClass -> javaClass.getFields().stream()
                .anyMatch(field -> field.getModifiers().containsAll(
                        Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))));
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean used = javaClass.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency -> !dependency.getOriginClass().getPackageName()
                                .equals(javaClass.getPackageName()));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is public but no other package uses it: make it package-private"));
                }
            }
        };
    }
}
