package org.dicomguard.samples.build;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a team checks before it adopts the dependency holds in the poms of this checkout: a license,
 * a BOM that pins every published artifact at the parent's version, and one Java module name per jar.
 * Runs from the samples folder, so the repository root is its parent.
 */
class BuildMetadataTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Modules a user never depends on: the BOM itself, the JMH benchmarks and the runtime's cross-module tests. */
    private static final Set<String> NOT_IN_BOM = Set.of("guard-bom", "benchmarks", "guard-runtime-tests");
    /** Modules without a main jar: the BOM (a pom) and the runtime's cross-module tests (a test-jar only). */
    private static final Set<String> NO_MAIN_JAR = Set.of("guard-bom", "guard-runtime-tests");

    @Test
    void license_repositoryRoot_isApache2WithNotice() throws Exception {
        assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License\n                           Version 2.0"));
        String notice = Files.readString(ROOT.resolve("NOTICE"));
        for (String bundled : List.of("ONNX Runtime", "Jackson", "EJML", "TwelveMonkeys", "jai-imageio", "picocli", "pydicom")) {
            assertTrue(notice.contains(bundled), "NOTICE names " + bundled);
        }
        Element parent = pom(ROOT.resolve("pom.xml"));
        assertEquals("Apache-2.0", text(child(child(child(parent, "licenses"), "license"), "name")));
        assertFalse(text(child(child(parent, "scm"), "url")).isBlank());
        assertFalse(text(child(parent, "url")).isBlank());
    }

    @Test
    void bom_everyPublishedModule_isManagedAtTheParentVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        Element bom = pom(ROOT.resolve("guard-bom/pom.xml"));
        assertEquals(text(child(parent, "version")), text(child(bom, "version")), "guard-bom version");
        assertEquals("pom", text(child(bom, "packaging")));
        Set<String> managed = new TreeSet<>();
        for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("${project.version}", text(child(d, "version")), text(child(d, "artifactId")));
            managed.add(text(child(d, "artifactId")));
        }
        Set<String> published = new TreeSet<>();
        for (String module : modules(parent)) {
            if (!NOT_IN_BOM.contains(module)) {
                // The folder is the module; the BOM names its artifactId (samples/ is dicom-guard-cli).
                published.add(text(child(pom(ROOT.resolve(module).resolve("pom.xml")), "artifactId")));
            }
        }
        assertEquals(published, managed, "guard-bom manages exactly the published modules");
    }

    @Test
    void automaticModuleName_eachJarModule_isSetAndUnique() throws Exception {
        Set<String> seen = new HashSet<>();
        for (String module : modules(pom(ROOT.resolve("pom.xml")))) {
            if (NO_MAIN_JAR.contains(module)) {
                continue;
            }
            Element properties = child(pom(ROOT.resolve(module).resolve("pom.xml")), "properties");
            String name = text(child(properties, "automatic.module.name"));
            assertTrue(name.matches("org\\.dicomguard(\\.[a-z]+)+"), module + ": " + name);
            assertTrue(seen.add(name), "module name used twice: " + name);
        }
    }

    @Test
    void designDocument_citedBySourcesAndHelp_existsAtTheCitedPath() throws Exception {
        assertTrue(Files.isRegularFile(ROOT.resolve("docs/DESIGN.md")));
        List<String> wrong = new ArrayList<>();
        for (String module : modules(pom(ROOT.resolve("pom.xml")))) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (var files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    // Every citation must carry the path from the repository root.
                    if (text.replace("docs/DESIGN.md", "").contains("DESIGN.md")) {
                        wrong.add(ROOT.relativize(f).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "files citing DESIGN.md without its path docs/DESIGN.md");
    }

    private static List<String> modules(Element parent) {
        List<String> names = new ArrayList<>();
        for (Element m : children(child(parent, "modules"), "module")) {
            names.add(text(m));
        }
        return names;
    }

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
