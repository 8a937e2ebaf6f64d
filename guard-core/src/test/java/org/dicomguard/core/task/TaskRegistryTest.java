package org.dicomguard.core.task;

import org.dicomguard.core.bundle.BundleModelCheck;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyPreparers;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRegistryTest {

    @Test
    void all_serviceLoader_threeTasksInRegistrationOrder() {
        assertEquals(List.of("mammography", "chest-ct", "chest-xray"), TaskRegistry.names());
        assertEquals(TaskRegistry.names(), TaskRegistry.all().stream().map(TaskDefinition::name).toList());
    }

    @Test
    void byName_unknown_typedErrorNamingTheKnownTasks() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> TaskRegistry.byName("knee"));
        assertEquals("task must be one of mammography, chest-ct, chest-xray, got knee", e.getMessage());
        assertEquals("UNKNOWN_TASK", e.code());
        assertEquals("knee", e.taskName());
        assertThrows(UnknownTaskException.class, () -> TaskRegistry.byName(null));
    }

    @Test
    void eachTask_defaultConfig_roundTripsThroughItsJsonAndNamesItsTask() {
        for (TaskDefinition task : TaskRegistry.all()) {
            PreprocessingConfig config = task.defaultConfig();
            assertEquals(task.name(), config.taskName());
            assertTrue(task.configType().isInstance(config), task.name());
            assertEquals(config, task.configFromJson(config.toCanonicalJson()));
            assertEquals(task, TaskRegistry.of(config));
            assertEquals(64, config.sha256Fingerprint().length());
            assertEquals(task.defaultStudyComposition(), task.defaultStudyComposition());
            assertTrue(task.gatedImagesPerStudy() >= 1);
            assertTrue(!task.statisticNames().isEmpty());
        }
    }

    @Test
    void modelInputShape_eachTask_whatItsPreparerMakes() {
        assertArrayEquals(new long[]{4, 256, 208}, StudyPreparers.inputShape(TaskRegistry.byName("mammography").defaultConfig()));
        assertArrayEquals(new long[]{1, 32, 64, 64}, StudyPreparers.inputShape(TaskRegistry.byName("chest-ct").defaultConfig()));
        // make-bundle's check used to know two tasks and refused a chest radiograph config outright.
        assertArrayEquals(new long[]{1, 256, 256},
                BundleModelCheck.expectedInputShape(TaskRegistry.byName("chest-xray").defaultConfig()));
    }

    @Test
    void preparer_anotherTasksConfig_illegalArgumentNamingBothInsteadOfClassCast() {
        TaskDefinition ct = TaskRegistry.byName("chest-ct");
        PreprocessingConfig mammography = TaskRegistry.byName("mammography").defaultConfig();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ct.preparer(mammography, ct.defaultStudyComposition()));
        assertTrue(e.getMessage().contains("chest-ct") && e.getMessage().contains("mammography"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ct.modelInputShape(mammography));
    }

    @Test
    void gatedImagesPerStudy_perTask() {
        assertEquals(4, TaskRegistry.byName("mammography").gatedImagesPerStudy());
        assertEquals(1, TaskRegistry.byName("chest-ct").gatedImagesPerStudy());
        assertEquals(1, TaskRegistry.byName("chest-xray").gatedImagesPerStudy());
    }

    @Test
    void equality_sameImplementation_equalAndHashedByName() {
        TaskDefinition a = TaskRegistry.byName("chest-xray");
        TaskDefinition b = new org.dicomguard.core.task.chestxray.ChestXrayTask();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, TaskRegistry.byName("chest-ct"));
        assertEquals("chest-xray", a.toString());
        assertTrue(Arrays.asList(TaskRegistry.all().toArray()).contains(b));
    }
}
