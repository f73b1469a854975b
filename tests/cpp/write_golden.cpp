// Writes the native engine's results for a fixed set of cases as JSON, so the Node tests can
// check that the WebAssembly module computes the same numbers (within 1e-5).
// Usage: write_golden OUTPUT.json
//
// The inputs are made here from a seed and written into the file too, so the JS side feeds
// the module exactly the bytes the native side used.
#include "attention.hpp"
#include "multi_head.hpp"
#include "seeded_matrix.hpp"

#include <cstdio>
#include <string>

using namespace attention_lens;
using attention_lens::testing::seeded_matrix;

namespace {

// JSON without iostreams: "%.9g" round-trips every float32 exactly.
std::string json_matrix(const MatrixRef& m) {
  std::string text = "{\"rows\":" + std::to_string(m.rows()) + ",\"cols\":" + std::to_string(m.cols()) + ",\"data\":[";
  char number[32];
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      std::snprintf(number, sizeof number, "%.9g", static_cast<double>(m(i, j)));
      if (i || j) text += ",";
      text += number;
    }
  return text + "]}";
}

std::string json_trace(const AttentionTrace& t) {
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.9g", static_cast<double>(t.scale));
  return std::string("{\"scores\":") + json_matrix(t.scores) + ",\"scale\":" + scale +
         ",\"scaled\":" + json_matrix(t.scaled) + ",\"weights\":" + json_matrix(t.weights) +
         ",\"output\":" + json_matrix(t.output) + "}";
}

struct AttentionCase {
  std::string name;
  Eigen::Index n_q, n_k, d_k, d_v;
  float input_scale;
  bool scale_by_sqrt_dk;
  float temperature;
  std::string mask;  // none | causal | padding-last-two
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT.json\n", argv[0]);
    return 2;
  }
  const AttentionCase cases[] = {
      {"self-attention 7x7, d_k 8", 7, 7, 8, 8, 1.0f, true, 1.0f, "none"},
      {"cross-attention 3 queries over 9 keys", 3, 9, 16, 5, 2.0f, true, 1.0f, "none"},
      {"unscaled, sharp rows", 6, 6, 64, 4, 1.5f, false, 1.0f, "none"},
      {"temperature 0.5", 5, 5, 4, 4, 1.0f, true, 0.5f, "none"},
      {"causal mask", 8, 8, 8, 3, 1.0f, true, 1.0f, "causal"},
      {"key padding", 4, 6, 8, 2, 1.0f, true, 1.0f, "padding-last-two"},
      {"large N, d 64", 64, 64, 64, 64, 1.0f, true, 1.0f, "none"},
  };

  std::string json = "{\"attention\":[";
  std::uint32_t seed = 1000;
  bool first = true;
  for (const AttentionCase& c : cases) {
    const Matrix Q = seeded_matrix(c.n_q, c.d_k, seed++, c.input_scale);
    const Matrix K = seeded_matrix(c.n_k, c.d_k, seed++, c.input_scale);
    const Matrix V = seeded_matrix(c.n_k, c.d_v, seed++);
    AttentionOptions options;
    options.scale_by_sqrt_dk = c.scale_by_sqrt_dk;
    options.temperature = c.temperature;
    if (c.mask == "causal") options.mask.kind = MaskKind::causal;
    if (c.mask == "padding-last-two") {
      options.mask.kind = MaskKind::key_padding;
      options.mask.key_is_padding.assign(static_cast<std::size_t>(c.n_k), 0);
      options.mask.key_is_padding[static_cast<std::size_t>(c.n_k - 1)] = 1;
      options.mask.key_is_padding[static_cast<std::size_t>(c.n_k - 2)] = 1;
    }
    const AttentionTrace trace = scaled_dot_product_attention(Q, K, V, options);
    char temperature[32];
    std::snprintf(temperature, sizeof temperature, "%.9g", static_cast<double>(c.temperature));
    json += std::string(first ? "" : ",") + "{\"name\":\"" + c.name + "\",\"q\":" + json_matrix(Q) +
            ",\"k\":" + json_matrix(K) + ",\"v\":" + json_matrix(V) + ",\"scaleBySqrtDk\":" +
            (c.scale_by_sqrt_dk ? "true" : "false") + ",\"temperature\":" + temperature +
            ",\"mask\":\"" + c.mask + "\",\"trace\":" + json_trace(trace) + "}";
    first = false;
  }

  // Multi-head: d_model 12, 3 heads, self-attention over 5 tokens.
  const Eigen::Index d_model = 12, head_count = 3, d_k = 4;
  const Matrix X = seeded_matrix(5, d_model, 2000);
  MultiHeadWeights weights;
  for (Eigen::Index h = 0; h < head_count; ++h) {
    const auto s = 2100 + 10 * static_cast<std::uint32_t>(h);
    weights.heads.push_back({seeded_matrix(d_model, d_k, s), seeded_matrix(d_model, d_k, s + 1),
                             seeded_matrix(d_model, d_k, s + 2)});
  }
  weights.w_output = seeded_matrix(head_count * d_k, d_model, 2999);
  const MultiHeadTrace mh = multi_head_attention(X, X, weights);
  json += "],\"multiHead\":{\"input\":" + json_matrix(X) + ",\"heads\":[";
  for (std::size_t h = 0; h < weights.heads.size(); ++h) {
    json += std::string(h ? "," : "") + "{\"wQuery\":" + json_matrix(weights.heads[h].w_query) +
            ",\"wKey\":" + json_matrix(weights.heads[h].w_key) + ",\"wValue\":" +
            json_matrix(weights.heads[h].w_value) + ",\"trace\":" + json_trace(mh.heads[h].attention) + "}";
  }
  json += "],\"wOutput\":" + json_matrix(weights.w_output) + ",\"concatenated\":" +
          json_matrix(mh.concatenated) + ",\"output\":" + json_matrix(mh.output) + "}}\n";

  FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[1]);
    return 1;
  }
  std::fputs(json.c_str(), out);
  std::fclose(out);
  return 0;
}
