package com.example.wc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wordcount [--top N] TEXT...: the N most frequent words of TEXT, then the totals. */
public final class WordCount {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['-]\\p{L}+)*");

    private WordCount() {}

    public static void main(String[] args) {
        int top = 5;
        List<String> text = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top") && i + 1 < args.length) {
                top = Integer.parseInt(args[++i]);
            } else {
                text.add(args[i]);
            }
        }
        Map<String, Integer> counts = count(String.join(" ", text));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> System.out.printf("%4d  %s%n", e.getValue(), e.getKey()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%d words, %d different%n", total, counts.size());
        // The heap limit the JVM was given (-Xmx), which the multi-stage image must keep.
        System.out.printf("max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return new LinkedHashMap<>(counts);
    }
}
