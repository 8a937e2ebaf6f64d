package org.dicomguard.core.study;

import org.dicomguard.contract.ContractJson;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code Pipeline.run} scores: the instances of ONE study, and optionally the caller's key
 * for the request.
 *
 * <p>The request key (a message id, a job id; never a patient identifier) comes back unchanged in
 * the result's {@code requestKey}, whatever the status. It is how a backend matches a result whose
 * StudyInstanceUID is missing or invalid (then {@code null} in the result, never echoed) to the
 * request it answers. Immutable; the list is copied (byte arrays and streams are not).
 *
 * @param requestKey the caller's key, empty for none; letters, digits and {@code . _ : -}, at most 128
 * @param instances  the study's instances, in the caller's order
 */
public record StudyRequest(Optional<String> requestKey, List<DicomInstance> instances) {

    /**
     * @throws IllegalArgumentException when the request key is not a valid key (value not echoed)
     * @throws NullPointerException     when a list element is null
     */
    public StudyRequest {
        Objects.requireNonNull(requestKey, "requestKey");
        if (requestKey.isPresent() && !ContractJson.isValidRequestKey(requestKey.get())) {
            throw new IllegalArgumentException("requestKey must be 1 to 128 characters of letters, digits and . _ : -,"
                    + " starting with a letter or digit; got " + requestKey.get().length() + " characters (not echoed)");
        }
        instances = List.copyOf(instances);
    }

    /**
     * @param files the study's files
     * @return a request without key
     */
    public static StudyRequest ofFiles(List<Path> files) {
        return new StudyRequest(Optional.empty(), files.stream().map(DicomInstance::of).toList());
    }

    /**
     * @param instances the study's instances as Part-10 bytes (not copied)
     * @return a request without key
     */
    public static StudyRequest ofBytes(List<byte[]> instances) {
        return new StudyRequest(Optional.empty(), instances.stream().map(DicomInstance::of).toList());
    }

    /**
     * @param instances the study's instances as streams of Part-10 bytes (each read once, not closed)
     * @return a request without key
     */
    public static StudyRequest ofStreams(List<InputStream> instances) {
        return new StudyRequest(Optional.empty(), instances.stream().map(DicomInstance::of).toList());
    }

    /**
     * @param key the caller's key for this request
     * @return a copy carrying the key
     * @throws IllegalArgumentException when the key is not valid
     */
    public StudyRequest withRequestKey(String key) {
        return new StudyRequest(Optional.of(key), instances);
    }
}
