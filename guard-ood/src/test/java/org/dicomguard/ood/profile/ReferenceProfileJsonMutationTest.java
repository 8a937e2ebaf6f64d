package org.dicomguard.ood.profile;

import org.dicomguard.ood.SyntheticStudies;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutations of a valid profile: whatever the damage, the reader either returns the
 * verified profile or throws {@link ProfileFormatException}; never another exception, never a
 * profile with different content.
 */
class ReferenceProfileJsonMutationTest {

    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e999", "NaN", "0",
            "\"x\"", "true", "  ", "\\u0000", "99999999999999999999", "-0.0", "[[]]"};

    @Test
    void fromJson_randomlyDamagedProfile_onlyProfileFormatException() {
        SyntheticStudies data = new SyntheticStudies(8);
        ReferenceProfile profile = ProfileFitter.fit(SyntheticStudies.SPECS.subList(0, 3),
                project(data.inDistribution(60)), project(data.inDistribution(40)), 0.1);
        String json = ReferenceProfileJson.toJson(profile);
        SplittableRandom random = new SplittableRandom(12345);
        int rejected = 0;
        int mutations = 2000;
        for (int i = 0; i < mutations; i++) {
            String damaged = mutate(json, random);
            try {
                ReferenceProfile back = ReferenceProfileJson.fromJson(damaged);
                // Only layout changes (whitespace) may survive, and then the content is identical.
                assertEquals(profile.sha256(), back.sha256());
            } catch (ProfileFormatException expected) {
                rejected++;
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e + " for input: "
                        + damaged.substring(0, Math.min(300, damaged.length())), e);
            }
        }
        System.out.printf("profile reader: %d of %d mutated profiles rejected with ProfileFormatException, "
                + "the rest read back identical%n", rejected, mutations);
    }

    private static double[][] project(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[] {rows[i][0], rows[i][1], rows[i][2]};
        }
        return out;
    }

    private static String mutate(String json, SplittableRandom random) {
        StringBuilder s = new StringBuilder(json);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int pos = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(pos);
                case 1 -> s.insert(pos, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.setCharAt(pos, (char) (32 + random.nextInt(95)));
                default -> s.setLength(pos);
            }
            if (s.length() == 0) {
                s.append(' ');
            }
        }
        return s.toString();
    }
}
