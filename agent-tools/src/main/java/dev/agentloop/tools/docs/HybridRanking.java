package dev.agentloop.tools.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/** Vector normalisation and reciprocal rank fusion of the BM25 and KNN rankings. */
final class HybridRanking {

  /** RRF's damping constant, the value of the original paper (Cormack et al. 2009). */
  static final int RRF_K = 60;

  private HybridRanking() {}

  /** Returns a unit-length copy of {@code v}, or null for a zero or non-finite vector. */
  static float @Nullable [] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    if (!(norm > 0) || Double.isInfinite(norm)) {
      return null;
    }
    float[] out = new float[v.length];
    double n = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  /**
   * Fuses rankings: each document scores the sum of {@code 1 / (RRF_K + rank)} over the rankings it
   * appears in (rank from 1); ties go to the lower document id.
   */
  static List<ScoreDoc> fuse(int limit, ScoreDoc[]... rankings) {
    Map<Integer, Float> scores = new HashMap<>();
    for (ScoreDoc[] ranking : rankings) {
      for (int i = 0; i < ranking.length; i++) {
        scores.merge(ranking[i].doc, 1f / (RRF_K + i + 1), Float::sum);
      }
    }
    List<ScoreDoc> fused = new ArrayList<>();
    scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score)));
    fused.sort(
        (a, b) ->
            a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
    return fused.subList(0, Math.min(limit, fused.size()));
  }
}
