package org.dicomguard.core.task;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON forms of a task in the bundle manifest, resolved through {@link TaskRegistry}: the task as
 * its name ({@code "task": "chest-ct"}), and a preprocessing config wrapped in its task's name
 * ({@code "preprocessing": {"chest-ct": {...}}}). The config inside the wrapper is written and read
 * by the strict mapper exactly as the config alone, so its canonical JSON and fingerprint do not
 * depend on this wrapper.
 */
public final class TaskJson {

    private TaskJson() {
    }

    /** Writes a {@link TaskDefinition} as its name. */
    public static final class TaskSerializer extends StdSerializer<TaskDefinition> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public TaskSerializer() {
            super(TaskDefinition.class);
        }

        @Override
        public void serialize(TaskDefinition value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name());
        }
    }

    /** Reads a task name into its registered {@link TaskDefinition}; an unknown name is an error naming the known ones. */
    public static final class TaskDeserializer extends StdDeserializer<TaskDefinition> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public TaskDeserializer() {
            super(TaskDefinition.class);
        }

        @Override
        public TaskDefinition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (TaskDefinition) ctxt.handleUnexpectedToken(TaskDefinition.class, p);
            }
            try {
                return TaskRegistry.byName(p.getText());
            } catch (UnknownTaskException e) {
                throw ctxt.weirdStringException(p.getText(), TaskDefinition.class, e.getMessage());
            }
        }
    }

    /** Writes a config as {@code {"<task name>": {...the config...}}}. */
    public static final class ConfigSerializer extends StdSerializer<PreprocessingConfig> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public ConfigSerializer() {
            super(PreprocessingConfig.class);
        }

        @Override
        public void serialize(PreprocessingConfig value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            provider.defaultSerializeField(value.taskName(), value, gen);
            gen.writeEndObject();
        }
    }

    /** Reads {@code {"<task name>": {...}}} into that task's config type, strictly. */
    public static final class ConfigDeserializer extends StdDeserializer<PreprocessingConfig> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public ConfigDeserializer() {
            super(PreprocessingConfig.class);
        }

        @Override
        public PreprocessingConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (!tree.isObject() || tree.size() != 1) {
                return (PreprocessingConfig) ctxt.reportInputMismatch(PreprocessingConfig.class,
                        "preprocessing must be an object with one key, the task name, e.g. {\"%s\": {...}}; task names: %s",
                        TaskRegistry.names().isEmpty() ? "task" : TaskRegistry.names().get(0), TaskRegistry.names());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            Map.Entry<String, JsonNode> only = fields.next();
            TaskDefinition task;
            try {
                task = TaskRegistry.byName(only.getKey());
            } catch (UnknownTaskException e) {
                return (PreprocessingConfig) ctxt.reportInputMismatch(PreprocessingConfig.class,
                        "preprocessing: %s", e.getMessage());
            }
            return ctxt.readTreeAsValue(only.getValue(), task.configType());
        }
    }
}
