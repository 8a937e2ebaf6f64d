package org.dicomguard.core.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The synthetic-data facet of a task: its label columns, its out-of-distribution kinds, its
 * generator options per size and how it makes one study of a pack. Keyed by the task's name
 * ({@link #code()}, the same name as the runtime {@code TaskDefinition}) and found through
 * {@link ServiceLoader}: a task adds one implementation and one line in
 * {@code META-INF/services/org.dicomguard.core.synthetic.SyntheticPackTask}.
 *
 * <p>Codes are lower case with dashes, as on the command line and in {@code pack.json}: the task,
 * e.g. {@code chest-ct}; OOD kinds like {@code bottle-phantom}. Implementations are stateless and
 * thread-safe, with a public no-argument constructor.
 */
public interface SyntheticPackTask {

    /** @return the task name, e.g. {@code chest-ct} */
    String code();

    /** @return the label columns of {@code labels.csv}, in column order, taken from the generator */
    List<String> pathologyCodes();

    /** @return every out-of-distribution kind code of this task, in generator order, e.g. {@code head-ct} */
    List<String> oodKindCodes();

    /**
     * @param size a size preset
     * @return the generator options of that size, component by component, as {@code pack.json} records them
     */
    ObjectNode generatorOptionsJson(SyntheticPackSize size);

    /**
     * @return noise of about the generator's own noise again, as an acquisition shift adds it to this
     *         task's images ({@link SyntheticAcquisitionShift#addedNoise()}: a fraction of the stored
     *         range for projection images, HU for CT), with how a report names it
     */
    AddedNoise comparableAddedNoise();

    /**
     * @param addedNoise value for {@link SyntheticAcquisitionShift#addedNoise()}
     * @param label      how a report names it, e.g. {@code 15 HU}
     */
    record AddedNoise(double addedNoise, String label) {
    }

    /**
     * @param pack the pack being written: its options and the writer's file helpers
     * @return what writes this task's studies into that pack (one per pack, not shared between threads)
     */
    StudyMaker studyMaker(SyntheticPackWriter.PackSink pack);

    /** Makes and writes the studies of one pack, one at a time. */
    @FunctionalInterface
    interface StudyMaker {
        /**
         * @param studyIndex index in the pack
         * @param oodKind    an {@link #oodKindCodes()} code for an OOD study, null for a labelled one
         * @return what was written
         * @throws IOException when a file cannot be written
         */
        SyntheticPackWriter.StudyRecord write(int studyIndex, String oodKind) throws IOException;
    }

    /**
     * @param code a registered task name
     * @return its synthetic facet
     * @throws IllegalArgumentException for any other code, naming the registered ones
     */
    static SyntheticPackTask fromCode(String code) {
        for (SyntheticPackTask task : all()) {
            if (task.code().equals(code)) {
                return task;
            }
        }
        List<String> codes = all().stream().map(SyntheticPackTask::code).toList();
        throw new IllegalArgumentException("task must be one of " + String.join(", ", codes) + ", got " + code);
    }

    /** @return every registered synthetic facet, in class-path order */
    static List<SyntheticPackTask> all() {
        List<SyntheticPackTask> found = new ArrayList<>();
        ServiceLoader.load(SyntheticPackTask.class, SyntheticPackTask.class.getClassLoader()).forEach(found::add);
        return List.copyOf(found);
    }

    /** @param kind a generator kind @return its code: lower case, underscores as dashes */
    static String kindCode(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @param kindCode an OOD kind code @return the enum constant name, e.g. BOTTLE_PHANTOM */
    static String kindName(String kindCode) {
        return kindCode.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
