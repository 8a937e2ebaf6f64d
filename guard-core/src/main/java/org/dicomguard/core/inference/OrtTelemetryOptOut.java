package org.dicomguard.core.inference;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Sets {@code ORT_DISABLE_TELEMETRY=1} in this process's native environment before ONNX Runtime
 * creates its environment, for every user of the library (not only the CLI).
 *
 * <p>Why: ONNX Runtime 1.29 starts a telemetry system when the {@code OrtEnvironment} is created;
 * on Linux it reads {@code /proc/self/cmdline} and the process dies with SIGSEGV when the command
 * line is longer than about 4 KB (a backend with its classpath on the command line, a Spark
 * executor). The only switch ONNX Runtime reads is the native environment variable, and Java 17
 * cannot set one (System.getenv is a copy; the foreign-function API is an incubator module that
 * needs a launch flag). So this class publishes a new {@code environ} array, with the variable
 * appended, through {@code sun.misc.Unsafe}:
 * <ol>
 * <li>the C library's load address comes from {@code /proc/self/maps}, the offset of its
 * {@code environ} symbol from the library's ELF dynamic symbol table;</li>
 * <li>before anything is written, the first entry the pointer leads to must equal the first entry
 * of {@code /proc/self/environ}, so a wrong address is detected and nothing is written;</li>
 * <li>the new array and string are allocated natively and never freed (a few hundred bytes, once);
 * the old array stays valid, so a concurrent {@code getenv} sees the old or the new array.</li>
 * </ol>
 * Where any step is not possible (not Linux, no Unsafe, static libc), nothing is written and
 * {@link #ensure()} answers {@link Outcome#UNSUPPORTED}; users then set the variable themselves
 * (README). A variable the user already set is left as it is.
 *
 * <p>Thread-safe: {@link #ensure()} is synchronized and runs its work once.
 */
final class OrtTelemetryOptOut {

    static final String VARIABLE = "ORT_DISABLE_TELEMETRY";
    private static final System.Logger LOG = System.getLogger(OrtTelemetryOptOut.class.getName());
    private static volatile Outcome outcome;

    /** What {@link #ensure()} did. */
    enum Outcome {
        /** The variable was in the environment already (set by the user or an earlier call). */
        ALREADY_SET,
        /** This call added {@code ORT_DISABLE_TELEMETRY=1} to the native environment. */
        SET,
        /** The platform gives no way to set it; ONNX Runtime may crash with a long command line. */
        UNSUPPORTED
    }

    private OrtTelemetryOptOut() {
    }

    /** @return what was done; the work runs on the first call only */
    static Outcome ensure() {
        Outcome done = outcome;
        return done != null ? done : ensureOnce();
    }

    private static synchronized Outcome ensureOnce() {
        if (outcome == null) {
            outcome = System.getenv(VARIABLE) != null ? Outcome.ALREADY_SET : trySet();
            if (outcome == Outcome.UNSUPPORTED) {
                LOG.log(System.Logger.Level.WARNING, "could not set " + VARIABLE + "=1 for ONNX Runtime; with a command"
                        + " line longer than 4 KB ONNX Runtime 1.29 may crash: set it in the environment");
            }
        }
        return outcome;
    }

    private static Outcome trySet() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Outcome.UNSUPPORTED;
        }
        try {
            Memory memory = Memory.open();
            long environSymbol = findEnvironSymbol();
            if (environSymbol == 0) {
                return Outcome.UNSUPPORTED;
            }
            long array = memory.address(environSymbol);
            byte[] firstExpected = firstEnvironEntry();
            if (array == 0 || firstExpected.length == 0 || !memory.cStringEquals(memory.address(array), firstExpected)) {
                return Outcome.UNSUPPORTED;
            }
            int count = 0;
            while (memory.address(array + 8L * count) != 0) {
                count++;
            }
            byte[] entry = (VARIABLE + "=1\0").getBytes(StandardCharsets.US_ASCII);
            long string = memory.allocate(entry.length);
            for (int i = 0; i < entry.length; i++) {
                memory.putByte(string + i, entry[i]);
            }
            long copy = memory.allocate(8L * (count + 2));
            for (int i = 0; i < count; i++) {
                memory.putAddress(copy + 8L * i, memory.address(array + 8L * i));
            }
            memory.putAddress(copy + 8L * count, string);
            memory.putAddress(copy + 8L * (count + 1), 0);
            memory.putAddress(environSymbol, copy);
            return Outcome.SET;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "native environment not writable: " + e.getClass().getSimpleName());
            return Outcome.UNSUPPORTED;
        }
    }

    private static byte[] firstEnvironEntry() throws IOException {
        byte[] all = Files.readAllBytes(Path.of("/proc/self/environ"));
        int end = 0;
        while (end < all.length && all[end] != 0) {
            end++;
        }
        return java.util.Arrays.copyOf(all, end);
    }

    /** @return the address of the C library's {@code environ} variable, or 0 when not found */
    private static long findEnvironSymbol() throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        for (String line : maps) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[2].equals("00000000")) {
                continue;
            }
            String name = Path.of(f[5]).getFileName() == null ? "" : Path.of(f[5]).getFileName().toString();
            if (!(name.startsWith("libc.so") || name.startsWith("libc-") || name.startsWith("ld-musl"))) {
                continue;
            }
            long base = Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
            long offset = ElfSymbols.dataSymbolOffset(Path.of(f[5]), List.of("environ", "__environ"));
            return offset < 0 ? 0 : base + offset;
        }
        return 0;
    }

    /** The dynamic symbol table of a 64-bit little-endian ELF shared library. */
    static final class ElfSymbols {
        private ElfSymbols() {
        }

        /** @return the symbol's virtual address relative to the first loaded segment, or -1 */
        static long dataSymbolOffset(Path library, List<String> names) throws IOException {
            ByteBuffer elf;
            try (FileChannel ch = FileChannel.open(library, StandardOpenOption.READ)) {
                if (ch.size() > (256L << 20)) {
                    return -1;
                }
                elf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            }
            if (elf.getInt(0) != 0x464C457F || elf.get(4) != 2 || elf.get(5) != 1) {
                return -1; // not ELF64 little endian
            }
            long firstLoadVaddr = firstLoadVaddr(elf);
            long shoff = elf.getLong(0x28);
            int shentsize = elf.getShort(0x3A) & 0xFFFF;
            int shnum = elf.getShort(0x3C) & 0xFFFF;
            for (int i = 0; i < shnum; i++) {
                int sh = (int) (shoff + (long) i * shentsize);
                if (elf.getInt(sh + 4) != 11) { // SHT_DYNSYM
                    continue;
                }
                long symOff = elf.getLong(sh + 0x18);
                long symSize = elf.getLong(sh + 0x20);
                int link = elf.getInt(sh + 0x28);
                int strSh = (int) (shoff + (long) link * shentsize);
                long strOff = elf.getLong(strSh + 0x18);
                for (long s = symOff; s + 24 <= symOff + symSize; s += 24) {
                    String name = cString(elf, (int) (strOff + Integer.toUnsignedLong(elf.getInt((int) s))));
                    int type = elf.get((int) s + 4) & 0xF;
                    if (type == 1 && names.contains(name)) { // STT_OBJECT
                        return elf.getLong((int) s + 8) - firstLoadVaddr;
                    }
                }
            }
            return -1;
        }

        private static long firstLoadVaddr(ByteBuffer elf) {
            long phoff = elf.getLong(0x20);
            int phentsize = elf.getShort(0x36) & 0xFFFF;
            int phnum = elf.getShort(0x38) & 0xFFFF;
            for (int i = 0; i < phnum; i++) {
                int ph = (int) (phoff + (long) i * phentsize);
                if (elf.getInt(ph) == 1) { // PT_LOAD
                    return elf.getLong(ph + 0x10) - elf.getLong(ph + 0x08);
                }
            }
            return 0;
        }

        private static String cString(ByteBuffer b, int at) {
            int end = at;
            while (end < b.limit() && b.get(end) != 0) {
                end++;
            }
            byte[] bytes = new byte[end - at];
            b.get(at, bytes);
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }

    /** Native memory through sun.misc.Unsafe, found by reflection (module jdk.unsupported). */
    private record Memory(Object theUnsafe, Method getAddress, Method putAddress, Method getByte, Method putByte,
                          Method allocateMemory) {

        static Memory open() throws ReflectiveOperationException {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return new Memory(f.get(null), c.getMethod("getAddress", long.class),
                    c.getMethod("putAddress", long.class, long.class), c.getMethod("getByte", long.class),
                    c.getMethod("putByte", long.class, byte.class), c.getMethod("allocateMemory", long.class));
        }

        long address(long at) throws ReflectiveOperationException {
            return (long) getAddress.invoke(theUnsafe, at);
        }

        void putAddress(long at, long value) throws ReflectiveOperationException {
            putAddress.invoke(theUnsafe, at, value);
        }

        void putByte(long at, byte value) throws ReflectiveOperationException {
            putByte.invoke(theUnsafe, at, value);
        }

        long allocate(long bytes) throws ReflectiveOperationException {
            return (long) allocateMemory.invoke(theUnsafe, bytes);
        }

        boolean cStringEquals(long at, byte[] expected) throws ReflectiveOperationException {
            for (int i = 0; i < expected.length; i++) {
                if ((byte) getByte.invoke(theUnsafe, at + i) != expected[i]) {
                    return false;
                }
            }
            return (byte) getByte.invoke(theUnsafe, at + expected.length) == 0;
        }
    }
}
