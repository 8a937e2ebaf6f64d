package org.dicomguard.core.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.task.TaskRegistry;

import java.io.IOException;

/**
 * Reads {@code manifest.json} with the strict mapper's rules (every field present, no unknown or
 * duplicate keys) except that {@code studyComposition} and {@code trainingPackFingerprint}, added
 * after manifests were first published, may be absent: the task's default composition and
 * {@value BundleManifest#UNKNOWN_TRAINING_PACK} are filled in before the record is built.
 *
 * <p>Design note: the strict mapper fails on any missing creator property, and Jackson offers no
 * per-property exception, so the tree is completed here and then handed to the standard record
 * deserializer (built by the factory, so this class does not call itself).
 */
final class BundleManifestDeserializer extends StdDeserializer<BundleManifest> {
    private static final long serialVersionUID = 1L;
    private static final String FIELD = "studyComposition";
    private static final String TRAINING_PACK = "trainingPackFingerprint";

    BundleManifestDeserializer() {
        super(BundleManifest.class);
    }

    @Override
    public BundleManifest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = ctxt.readTree(p);
        if (tree instanceof ObjectNode object && !object.has(FIELD)) {
            JsonNode task = object.get("task");
            if (task != null && task.isTextual() && TaskRegistry.names().contains(task.asText())) {
                object.set(FIELD, toTree(object, TaskRegistry.byName(task.asText()).defaultStudyComposition()));
            }
        }
        if (tree instanceof ObjectNode object && !object.has(TRAINING_PACK)) {
            object.put(TRAINING_PACK, BundleManifest.UNKNOWN_TRAINING_PACK);
        }
        JavaType type = ctxt.constructType(BundleManifest.class);
        JsonDeserializer<Object> standard = ctxt.getFactory().createBeanDeserializer(ctxt, type,
                ctxt.getConfig().introspect(type));
        if (standard instanceof ResolvableDeserializer resolvable) {
            resolvable.resolve(ctxt);
        }
        try (JsonParser treeParser = tree.traverse(p.getCodec())) {
            treeParser.nextToken();
            return (BundleManifest) standard.deserialize(treeParser, ctxt);
        }
    }

    private static ObjectNode toTree(ObjectNode factory, StudyCompositionPolicy policy) {
        ObjectNode node = factory.objectNode();
        ArrayNode views = node.putArray("requiredViews");
        policy.requiredViews().forEach(views::add);
        node.put("partialStudyAllowed", policy.partialStudyAllowed());
        node.put("forProcessingImagesUsed", policy.forProcessingImagesUsed());
        return node;
    }
}
