package org.dicomguard.core.task;

import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.List;

/**
 * Everything the runtime knows about one task (what a model reads), in one place: its name, its
 * typed preprocessing config with defaults, the preparer that turns a study into a model input,
 * the model-input shape, the statistics the gate sees, the header-rule preset, the study
 * composition policy and how many images the gate checks per study.
 *
 * <p>Tasks are found by {@link TaskRegistry} through {@link java.util.ServiceLoader}. Adding a task
 * means, per module, one package and one registration line:
 * <ul>
 *   <li>runtime: a package {@code org.dicomguard.core.task.<name>} with its config record
 *       (implementing {@link PreprocessingConfig}, with a builder), its preparer and this
 *       interface's implementation, registered in
 *       {@code META-INF/services/org.dicomguard.core.task.TaskDefinition};</li>
 *   <li>synthetic data (optional): an {@code org.dicomguard.core.synthetic.SyntheticPackTask},
 *       registered in {@code META-INF/services/org.dicomguard.core.synthetic.SyntheticPackTask};</li>
 *   <li>review pictures and the Secondary Capture (optional): an
 *       {@code org.dicomguard.core.review.TaskReviewRenderer}, registered in
 *       {@code META-INF/services/org.dicomguard.core.review.TaskReviewRenderer}.</li>
 * </ul>
 * The facets are keyed by {@link #name()}; the runtime never imports them. Code outside a task's
 * own packages asks the definition (or a facet) instead of naming the task.
 *
 * <p>Implementations are stateless and thread-safe, with a public no-argument constructor; two
 * instances of one implementation are equal.
 */
public interface TaskDefinition {

    /** @return the stable task name, as in the bundle manifest and on the command line, e.g. {@code chest-ct} */
    String name();

    /** @return the task's preprocessing config type; its canonical JSON is fingerprinted into bundles */
    Class<? extends PreprocessingConfig> configType();

    /** @return the config with every value at its documented default */
    PreprocessingConfig defaultConfig();

    /**
     * Reads a config strictly: every key required, unknown keys refused.
     *
     * @param json a JSON object
     * @return the validated config
     * @throws IllegalArgumentException naming the key or value at fault
     */
    PreprocessingConfig configFromJson(String json);

    /**
     * @param config the bundle's preprocessing config, of {@link #configType()}
     * @param policy the bundle's study composition policy
     * @return the preparer for both
     * @throws IllegalArgumentException when the config is another task's
     */
    StudyPreparer preparer(PreprocessingConfig config, StudyCompositionPolicy policy);

    /**
     * @param config a config of {@link #configType()}
     * @return the model input shape without the batch dimension, e.g. [4, H, W] or [1, D, H, W]
     * @throws IllegalArgumentException when the config is another task's
     */
    long[] modelInputShape(PreprocessingConfig config);

    /**
     * @return the names of the input statistics preprocessing emits per gated image, in order, units
     *         in the names: the gate's features and the drift monitor's input features (the profile
     *         fitter adds the model's probabilities to the drift reference)
     */
    List<String> statisticNames();

    /** @return the header rules a new bundle of this task starts from ({@code make-bundle}) */
    HeaderRuleSet headerRulePreset();

    /** @return the study composition a manifest of this task has when it declares none */
    StudyCompositionPolicy defaultStudyComposition();

    /**
     * @return the projection views a study composition policy may require (e.g. {@code L-CC}), in
     *         model-input order; empty for tasks that read one series or one image
     */
    List<String> viewNames();

    /** @return images the gate checks per study (e.g. 4 mammography views, 1 CT volume); rates per study scale by it */
    int gatedImagesPerStudy();

    /** @return the examination the task reads as a coded concept, written as DICOM SR "Procedure reported" */
    CodedConcept procedureReported();

    /**
     * @param config a config, not null
     * @param type   the type this task expects
     * @param <C>    that type
     * @return the config as that type
     * @throws IllegalArgumentException naming both tasks when the config is another task's
     */
    default <C extends PreprocessingConfig> C requireConfig(PreprocessingConfig config, Class<C> type) {
        if (!type.isInstance(config)) {
            throw new IllegalArgumentException("task " + name() + " needs a " + type.getSimpleName() + ", got a config for "
                    + (config == null ? "nothing (null)" : "task " + config.taskName()));
        }
        return type.cast(config);
    }
}
