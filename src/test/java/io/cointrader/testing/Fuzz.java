package io.cointrader.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Inputs for fuzz properties: junk text, and structure-aware mutants of valid JSON and CSV that keep
 * enough of their shape to get past a parser's first check (fields removed or of the wrong type,
 * numbers too large or not numbers at all, deep nesting, cut-off text). Every generator draws from
 * jqwik's random source, so a failing input is reproduced by its seed.
 */
public final class Fuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that break naive number, time and text handling, as text. */
    public static final List<String> NASTY_TEXT = List.of(
            "",
            " ",
            "0",
            "-0",
            "-1",
            "1",
            "00001",
            "0.0",
            "-0.0",
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "1E+2147483648",
            "9".repeat(400),
            "0." + "0".repeat(300) + "1",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "inf",
            "null",
            "true",
            "0x1F",
            "1_000",
            "1,5",
            "١٢٣",
            "１２３",
            "\u0000",
            "\r\n",
            "\t",
            "\uFEFF1",
            "\uD800",
            "%00",
            "../../../../etc/passwd",
            "'; DROP TABLE orders; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "%s%n%x",
            "2026-13-45T99:99:99Z",
            "+1000000000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "2025-01-01T00:00:00+09:00",
            "2025-01-01",
            "KRW-BTC",
            "BTC/KRW",
            "x".repeat(5_000));

    private Fuzz() {}

    /** Any text: short or long, ASCII, control characters, other scripts and the nasty values. */
    public static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().ascii().ofMaxLength(80),
                Arbitraries.strings()
                        .withChars("0123456789.-+eE:TZ/ ,;=[]{}\"'\\%")
                        .ofMaxLength(30),
                Arbitraries.of(NASTY_TEXT));
    }

    /** Arbitrary bytes, UTF-8 or not. */
    public static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    /** Mutants of the given valid JSON documents: 1 to 4 mutations each, of the tree and of the text. */
    public static Arbitrary<String> jsonMutants(List<String> validDocuments) {
        List<JsonNode> trees = validDocuments.stream().map(Fuzz::tree).toList();
        return Arbitraries.randomValue(random -> mutantOf(trees, random));
    }

    /** One mutant of one of the given valid JSON documents, drawn with {@code random}. */
    public static String jsonMutant(List<String> validDocuments, Random random) {
        return mutantOf(validDocuments.stream().map(Fuzz::tree).toList(), random);
    }

    private static String mutantOf(List<JsonNode> trees, Random random) {
        JsonNode tree = trees.get(random.nextInt(trees.size())).deepCopy();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            tree = mutateTree(tree, random);
        }
        String text = tree.toString();
        return random.nextInt(3) == 0 ? mutateText(text, random) : text;
    }

    /** Mutants of a CSV document: fields replaced by nasty values, lines removed, repeated, swapped or cut. */
    public static Arbitrary<String> csvMutants(List<String> validDocuments) {
        return Arbitraries.randomValue(random -> {
            String document = validDocuments.get(random.nextInt(validDocuments.size()));
            List<String> lines = new ArrayList<>(List.of(document.split("\n", -1)));
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                mutateCsv(lines, random);
            }
            String text = String.join(random.nextInt(8) == 0 ? "\r\n" : "\n", lines);
            return random.nextInt(6) == 0 ? mutateText(text, random) : text;
        });
    }

    /** A nasty value, or random text now and then. */
    public static String nasty(Random random) {
        if (random.nextInt(5) == 0) {
            return randomText(random, 1 + random.nextInt(20));
        }
        return NASTY_TEXT.get(random.nextInt(NASTY_TEXT.size()));
    }

    /** Text-level damage: cut, a character inserted or replaced, garbage appended, deep nesting, a BOM. */
    public static String mutateText(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(9)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + randomText(random, 1) + text.substring(at);
            case 2 -> at < text.length()
                    ? text.substring(0, at) + randomText(random, 1) + text.substring(at + 1)
                    : text;
            case 3 -> text + nasty(random);
            case 4 -> "[".repeat(2_000 + random.nextInt(100_000)) + text;
            case 5 -> "\uFEFF" + text;
            case 6 -> text.replaceFirst("[0-9]+(\\.[0-9]+)?", random.nextBoolean() ? "NaN" : "Infinity");
            case 7 -> text.substring(at) + text.substring(0, at);
            default -> text + text;
        };
    }

    private static JsonNode mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        if (containers.isEmpty() || random.nextInt(12) == 0) {
            return random.nextBoolean() ? wrongValue(random) : nest(root, 1 + random.nextInt(200), random);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            mutateObject(object, random);
        } else if (target instanceof ArrayNode array) {
            mutateArray(array, random);
        }
        return root;
    }

    private static void mutateObject(ObjectNode object, Random random) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(8) == 0) {
            object.set(random.nextBoolean() ? nasty(random) : "extra", wrongValue(random));
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
            object.remove(name);
        } else {
            object.set(name, wrongValue(random));
        }
    }

    private static void mutateArray(ArrayNode array, Random random) {
        int choice = random.nextInt(5);
        if (array.isEmpty() || choice == 0) {
            array.add(wrongValue(random));
        } else if (choice == 1) {
            array.remove(random.nextInt(array.size()));
        } else if (choice == 2) {
            array.add(array.get(random.nextInt(array.size())).deepCopy());
        } else if (choice == 3) {
            array.set(random.nextInt(array.size()), wrongValue(random));
        } else {
            array.insert(0, array.get(array.size() - 1).deepCopy());
        }
    }

    /** A value of any JSON kind, often of the wrong kind for where it lands. */
    private static JsonNode wrongValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode(nasty(random));
            case 3 -> NODES.numberNode(new BigDecimal(random.nextBoolean() ? "1E+999999" : "-1E-999999"));
            case 4 -> NODES.numberNode(
                    BigInteger.TEN.pow(50 + random.nextInt(900)).negate());
            case 5 -> NODES.numberNode(random.nextLong());
            case 6 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 7 -> NODES.numberNode(random.nextBoolean() ? 0 : -1);
            case 8 -> NODES.arrayNode().add(nasty(random));
            case 9 -> NODES.objectNode().put(nasty(random), nasty(random));
            case 10 -> nest(NODES.textNode("deep"), 1 + random.nextInt(200), random);
            default -> NODES.textNode(randomText(random, random.nextInt(3_000)));
        };
    }

    private static JsonNode nest(JsonNode inner, int depth, Random random) {
        JsonNode node = inner;
        boolean arrays = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                node = NODES.arrayNode().add(node);
            } else {
                ObjectNode parent = NODES.objectNode();
                parent.set("a", node);
                node = parent;
            }
        }
        return node;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (!node.isContainerNode() || out.size() > 5_000) {
            return;
        }
        out.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectContainers(it.next(), out);
        }
    }

    private static void mutateCsv(List<String> lines, Random random) {
        if (lines.isEmpty()) {
            lines.add(nasty(random));
            return;
        }
        int at = random.nextInt(lines.size());
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> {
                String[] fields = lines.get(at).split(",", -1);
                fields[random.nextInt(fields.length)] = nasty(random);
                lines.set(at, String.join(",", fields));
            }
            case 3 -> lines.remove(at);
            case 4 -> lines.add(at, lines.get(at));
            case 5 -> lines.set(at, lines.get(at) + "," + nasty(random));
            case 6 -> {
                int other = random.nextInt(lines.size());
                String swap = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, swap);
            }
            case 7 -> lines.add(at, random.nextBoolean() ? "" : "   ");
            default -> {
                String line = lines.get(at);
                int cut = line.lastIndexOf(',');
                lines.set(at, cut < 0 ? line : line.substring(0, cut));
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                out.append((char) (32 + random.nextInt(95)));
            } else if (kind < 8) {
                out.append((char) random.nextInt(32));
            } else {
                out.appendCodePoint(random.nextInt(0x10FFFF + 1 - 0x800) + 0x800);
            }
        }
        return out.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a seed document must be valid JSON: " + json, e);
        }
    }
}
