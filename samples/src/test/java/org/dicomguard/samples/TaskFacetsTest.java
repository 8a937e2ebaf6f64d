package org.dicomguard.samples;

import org.dicomguard.core.review.TaskReviewRenderer;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.core.task.TaskRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every registered task has its synthetic and review facets (separate service interfaces keyed by
 * the task name), and no facet names a task the runtime registry does not know.
 */
class TaskFacetsTest {

    @Test
    void everyTask_hasSyntheticAndReviewFacet_andNoFacetIsOrphaned() {
        List<String> tasks = TaskRegistry.names();
        assertEquals(tasks, SyntheticPackTask.all().stream().map(SyntheticPackTask::code).toList());
        assertEquals(tasks, TaskReviewRenderer.all().stream().map(TaskReviewRenderer::taskName).toList());
        for (TaskDefinition task : TaskRegistry.all()) {
            SyntheticPackTask synthetic = SyntheticPackTask.fromCode(task.name());
            assertFalse(synthetic.pathologyCodes().isEmpty(), task.name());
            assertFalse(synthetic.oodKindCodes().isEmpty(), task.name());
            assertTrue(synthetic.comparableAddedNoise().addedNoise() > 0, task.name());
            assertTrue(TaskReviewRenderer.find(task.name()).isPresent(), task.name());
        }
        assertTrue(TaskReviewRenderer.find("knee").isEmpty());
    }
}
