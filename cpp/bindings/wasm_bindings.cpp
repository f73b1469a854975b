// The one file that knows about the browser: Embind glue between JS and the engine.
//
// JS passes matrices as plain objects { rows, cols, data: Float32Array } (row-major).
// Results come back as plain objects whose typed arrays are *copies* (slice()), never views
// into the wasm heap: a view goes stale when the heap grows or the C++ object dies.
//
// Errors: a failed call *returns* a JS Error carrying the engine's message instead of throwing
// it. A JS throw from inside wasm would skip the C++ destructors on the way out (leaking the
// inputs' buffers); returning lets every C++ object die normally. web/src/engine.js throws it.
#include "analysis.hpp"
#include "attention.hpp"
#include "multi_head.hpp"
#include "validation.hpp"
#include "weights_file.hpp"

#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

using emscripten::val;
using namespace attention_lens;

namespace {

bool is_object(const val& value) {
  return !value.isNull() && value.typeOf().as<std::string>() == "object";
}

// Raised for a JS value that is not the object the binding expects.
struct BadArgument : InvalidInput {
  using InvalidInput::InvalidInput;
};

// What a JS value is, for messages: "a number", "null", "an array", "the string \"abc\"".
// Every value from the caller is checked with these before any as<T>(): Embind's as<T>() on a
// value of the wrong type throws from inside wasm with its own message, leaking a handle.
std::string describe(const val& value) {
  if (value.isNull()) return "null";
  if (value.isUndefined()) return "undefined";
  if (value.isString()) {
    std::string text = value.as<std::string>();
    if (text.size() > 40) {  // long text is cut, at a character's first byte (UTF-8)
      std::size_t cut = 40;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "…";
    }
    return "the string \"" + text + "\"";
  }
  if (value.isArray()) return "an array";
  const std::string type = value.typeOf().as<std::string>();
  return (type == "object" || type == "undefined" ? "an " : "a ") + type;
}

bool read_boolean(const val& options, const char* field) {
  const val value = options[field];
  if (!value.isTrue() && !value.isFalse())
    throw BadArgument(std::string("options.") + field + " must be true or false; got " + describe(value) + ".");
  return value.isTrue();
}

int read_dimension(const val& object, const char* field, const std::string& name) {
  const val value = object[field];
  if (!value.isNumber())
    throw BadArgument(name + "." + field + " must be a whole number; it is " +
                      value.typeOf().as<std::string>() + ".");
  const double number = value.as<double>();
  // Range first: converting NaN or a number past INT_MAX to int is undefined behaviour.
  if (!(number >= 0 && number <= std::numeric_limits<int>::max()) || number != std::floor(number))
    throw BadArgument(name + "." + field + " must be a whole number ≥ 0; it is " +
                      number_text(static_cast<float>(number)) + ".");
  return static_cast<int>(number);
}

// { rows, cols, data: Float32Array } → a row-major Matrix (a copy in the wasm heap), written
// into `matrix`, whose memory is reused when it already has rows×cols entries.
void read_matrix_into(const val& object, const std::string& name, Matrix& matrix) {
  if (!is_object(object))
    throw BadArgument(name + " must be an object { rows, cols, data: Float32Array }.");
  const int rows = read_dimension(object, "rows", name);
  const int cols = read_dimension(object, "cols", name);
  const val data = object["data"];
  if (!data.instanceof(val::global("Float32Array")))
    throw BadArgument(name + ".data must be a Float32Array.");
  const auto length = data["length"].as<unsigned>();
  if (static_cast<long long>(length) != static_cast<long long>(rows) * cols)
    throw BadArgument(name + ".data must hold rows×cols = " + shape_text(rows, cols) + " = " +
                      std::to_string(static_cast<long long>(rows) * cols) + " numbers; it holds " +
                      std::to_string(length) + ".");
  // One copy, straight from the JS array into the matrix's own memory.
  matrix.resize(rows, cols);
  if (length > 0)
    val(emscripten::typed_memory_view(length, matrix.data())).call<void>("set", data);
}

Matrix read_matrix(const val& object, const std::string& name) {
  Matrix matrix;
  read_matrix_into(object, name, matrix);
  return matrix;
}

std::vector<std::uint8_t> read_flags(const val& array, const std::string& name) {
  if (!array.instanceof(val::global("Uint8Array")))
    throw BadArgument(name + " must be a Uint8Array (1 = yes, 0 = no); got " + describe(array) + ".");
  return emscripten::convertJSArrayToNumberVector<std::uint8_t>(array);
}

// { scaleBySqrtDk?, temperature?, keepIntermediateSteps?, mask?: 'none' | 'causal' | 'key-padding' | 'custom',
//   keyIsPadding?: Uint8Array(n_k), allowed?: Uint8Array(n_q·n_k) } → AttentionOptions.
AttentionOptions read_options(const val& options, Eigen::Index n_q) {
  AttentionOptions result;
  if (options.isUndefined() || options.isNull()) return result;
  if (!is_object(options) || options.isArray())
    throw BadArgument("options must be an object such as { mask: \"causal\" }; got " + describe(options) + ".");
  if (!options["scaleBySqrtDk"].isUndefined()) result.scale_by_sqrt_dk = read_boolean(options, "scaleBySqrtDk");
  if (!options["keepIntermediateSteps"].isUndefined())
    result.keep_intermediate_steps = read_boolean(options, "keepIntermediateSteps");
  if (!options["temperature"].isUndefined()) {
    if (!options["temperature"].isNumber())
      throw BadArgument("options.temperature must be a number; got " + describe(options["temperature"]) + ".");
    result.temperature = options["temperature"].as<float>();
  }
  const val mask_value = options["mask"];
  static const char* const kMaskChoices = "options.mask must be one of \"none\", \"causal\", \"key-padding\", \"custom\"; got ";
  if (!mask_value.isUndefined() && !mask_value.isString())
    throw BadArgument(kMaskChoices + describe(mask_value) + ".");
  const std::string mask = mask_value.isUndefined() ? "none" : mask_value.as<std::string>();
  if (mask == "none") {
    result.mask.kind = MaskKind::none;
  } else if (mask == "causal") {
    result.mask.kind = MaskKind::causal;
  } else if (mask == "key-padding") {
    result.mask.kind = MaskKind::key_padding;
    result.mask.key_is_padding = read_flags(options["keyIsPadding"], "options.keyIsPadding");
  } else if (mask == "custom") {
    result.mask.kind = MaskKind::custom;
    const std::vector<std::uint8_t> flags = read_flags(options["allowed"], "options.allowed");
    // The engine checks the shape (n_q×n_k) against K; here only the row count is known.
    const auto n_k = n_q == 0 ? 0 : static_cast<Eigen::Index>(flags.size()) / n_q;
    if (n_q == 0 || static_cast<Eigen::Index>(flags.size()) != n_q * n_k)
      throw BadArgument("options.allowed must hold n_q×n_k flags (n_q = " + std::to_string(n_q) +
                        "); it holds " + std::to_string(flags.size()) + ".");
    result.mask.allowed = Eigen::Map<const BoolMatrix>(flags.data(), n_q, n_k);
  } else {
    throw BadArgument(kMaskChoices + describe(mask_value) + ".");
  }
  return result;
}

template <typename MatrixType>
val copy_out(const MatrixType& matrix) {
  val result = val::object();
  result.set("rows", static_cast<int>(matrix.rows()));
  result.set("cols", static_cast<int>(matrix.cols()));
  result.set("data", val(emscripten::typed_memory_view(static_cast<std::size_t>(matrix.size()),
                                                       matrix.data()))
                         .call<val>("slice"));
  return result;
}

val trace_to_js(const AttentionTrace& trace) {
  val result = val::object();
  result.set("scale", trace.scale);
  if (trace.scores.size() > 0) {  // left out when the options said keepIntermediateSteps: false
    result.set("scores", copy_out(trace.scores));
    result.set("scaled", copy_out(trace.scaled));
    result.set("allowed", copy_out(trace.allowed));
  }
  result.set("weights", copy_out(trace.weights));
  result.set("output", copy_out(trace.output));
  return result;
}

// Runs `compute`; any engine error becomes a returned JS Error (see the note at the top).
// A sentence too long for the model also gets code "too-many-tokens", count and limit, so the
// element can say it in the page's language; every other error is its message alone.
template <typename Compute>
val returning_errors(Compute&& compute) {
  std::string message;
  bool too_many_tokens = false;
  std::size_t token_count = 0;
  std::size_t token_limit = 0;
  try {
    return compute();
  } catch (const std::bad_alloc&) {
    message = "The engine ran out of memory for this input; try a shorter sentence or smaller matrices.";
  } catch (const TooManyTokens& error) {
    message = error.what();
    too_many_tokens = true;
    token_count = error.count;
    token_limit = error.limit;
  } catch (const std::exception& error) {
    message = error.what();
  }
  val result = val::global("Error").new_(message);
  if (too_many_tokens) {
    result.set("code", std::string("too-many-tokens"));
    result.set("count", static_cast<double>(token_count));
    result.set("limit", static_cast<double>(token_limit));
  }
  return result;
}

// The inputs and the trace of attention(), kept between calls: a call of the same shape as
// the last allocates nothing in the wasm heap. Both ways in (Embind's attention() and the
// direct exports at the end of this file) use it.
struct AttentionWorkspace {
  Matrix q, k, v;
  AttentionTrace trace;

  // Past 1024×1024 scores the kept buffers would hold 12+ MB of the heap: let them go.
  void trim() {
    if (trace.weights.size() > 1024 * 1024) {
      trace = AttentionTrace();
      q = k = v = Matrix();
    }
  }
};
AttentionWorkspace attention_workspace;

val attention(val queries, val keys, val values, val options) {
  return returning_errors([&] {
    AttentionWorkspace& w = attention_workspace;
    read_matrix_into(queries, "queries", w.q);
    read_matrix_into(keys, "keys", w.k);
    read_matrix_into(values, "values", w.v);
    scaled_dot_product_attention(w.q, w.k, w.v, read_options(options, w.q.rows()), w.trace);
    val result = trace_to_js(w.trace);
    w.trim();
    return result;
  });
}

// weights: { heads: [{ wQuery, wKey, wValue }, ...], wOutput }, each a matrix object.
val multi_head(val query_input, val key_value_input, val weights, val options) {
  return returning_errors([&] {
    const Matrix x_query = read_matrix(query_input, "queryInput");
    const Matrix x_key_value = read_matrix(key_value_input, "keyValueInput");
    if (!is_object(weights) || !weights["heads"].isArray())
      throw BadArgument("weights must be an object { heads: [{ wQuery, wKey, wValue }, ...], wOutput }.");
    MultiHeadWeights model;
    const auto head_count = weights["heads"]["length"].as<unsigned>();
    for (unsigned h = 0; h < head_count; ++h) {
      const val head = weights["heads"][h];
      const std::string name = "weights.heads[" + std::to_string(h) + "]";
      if (!is_object(head)) throw BadArgument(name + " must be an object { wQuery, wKey, wValue }.");
      model.heads.push_back({read_matrix(head["wQuery"], name + ".wQuery"),
                             read_matrix(head["wKey"], name + ".wKey"),
                             read_matrix(head["wValue"], name + ".wValue")});
    }
    model.w_output = read_matrix(weights["wOutput"], "weights.wOutput");

    const MultiHeadTrace trace =
        multi_head_attention(x_query, x_key_value, model, read_options(options, x_query.rows()));
    val heads = val::array();
    for (const HeadTrace& head : trace.heads) {
      val js_head = trace_to_js(head.attention);
      js_head.set("queries", copy_out(head.queries));
      js_head.set("keys", copy_out(head.keys));
      js_head.set("values", copy_out(head.values));
      heads.call<void>("push", js_head);
    }
    val result = val::object();
    result.set("heads", heads);
    result.set("concatenated", copy_out(trace.concatenated));
    result.set("output", copy_out(trace.output));
    return result;
  });
}

// --- The trained model -------------------------------------------------------------------
// Loaded models live here until unloadModel(id): JS holds a number, never a pointer.
struct LoadedModel {
  ModelWeights weights;
  Vocabulary vocabulary;
  std::unique_ptr<WordReader> reader;  // reads `vocabulary`, which stays where it is
};
std::map<int, std::unique_ptr<LoadedModel>> loaded_models;
// The word readings (WordNet classes, first names): one copy for every model, loaded when the
// page first meets a word without a row of its own (loadWordReadings).
std::shared_ptr<const WordNetLexicon> word_readings;
int next_model_id = 1;

LoadedModel& model_with_id(int id) {
  const auto found = loaded_models.find(id);
  if (found == loaded_models.end())
    throw BadArgument("No model is loaded with id " + std::to_string(id) + " (was it unloaded?).");
  return *found->second;
}

val string_array(const std::vector<std::string>& strings) {
  val array = val::array();
  for (const std::string& text : strings) array.call<void>("push", text);
  return array;
}

// bytes: Uint8Array of a weights file → { id, vocabularySize, classCount, dModel, headCount,
// layerCount, maxTokens, headLabels }.
val load_model(val bytes) {
  return returning_errors([&] {
    if (!bytes.instanceof(val::global("Uint8Array")))
      throw BadArgument("The weights must be bytes (a Uint8Array of the weights file); got " + describe(bytes) + ".");
    const std::vector<std::uint8_t> data = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
    auto model = std::make_unique<LoadedModel>(LoadedModel{parse_weights(data.data(), data.size()), Vocabulary({"[unk]"})});
    model->vocabulary = Vocabulary(model->weights.vocabulary);
    model->reader = std::make_unique<WordReader>(model->vocabulary);
    model->reader->use_lexicon(word_readings);
    const ModelConfig& config = model->weights.config;
    val info = val::object();
    const int id = next_model_id++;
    info.set("id", id);
    info.set("vocabularySize", config.vocab_size);
    info.set("classCount", config.class_count);
    info.set("dModel", config.d_model);
    info.set("headCount", config.head_count);
    info.set("layerCount", config.layer_count);
    info.set("maxTokens", config.max_positions);
    info.set("headLabels", string_array(model->weights.head_labels));
    loaded_models[id] = std::move(model);
    return info;
  });
}

void unload_model(int id) { loaded_models.erase(id); }

// bytes: Uint8Array of word_readings.tsv → { lemmas, irregularForms, names }. Every loaded model,
// and every model loaded later, then reads words it has no row for as their class.
val load_word_readings(val bytes) {
  return returning_errors([&] {
    if (!bytes.instanceof(val::global("Uint8Array")))
      throw BadArgument("The word readings must be bytes (a Uint8Array of word_readings.tsv); got " + describe(bytes) + ".");
    const std::vector<std::uint8_t> data = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
    auto lexicon = std::make_shared<const WordNetLexicon>(
        WordNetLexicon::parse(std::string_view(reinterpret_cast<const char*>(data.data()), data.size())));
    word_readings = lexicon;
    for (auto& [id, model] : loaded_models) model->reader->use_lexicon(word_readings);
    val info = val::object();
    info.set("lemmas", static_cast<double>(lexicon->lemma_count()));
    info.set("irregularForms", static_cast<double>(lexicon->exception_count()));
    info.set("names", static_cast<double>(lexicon->name_count()));
    return info;
  });
}

// For each byte offset of a UTF-8 string (and one past the end), the UTF-16 offset JS uses.
std::vector<int> utf16_offsets(const std::string& utf8) {
  std::vector<int> offsets(utf8.size() + 1, 0);
  int utf16 = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    offsets[i] = utf16;
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if ((byte & 0xC0) != 0x80) utf16 += byte >= 0xF0 ? 2 : 1;  // 4-byte sequences are surrogate pairs
  }
  offsets[utf8.size()] = utf16;
  return offsets;
}

// → { tokens: [{ text, start, end, known, wordClass ("" or the class the word is read as), prediction, probability }],
//     layers: [{ average, heads: [{ label, queries, keys, values, scale, scores, scaled,
//                                   allowed, weights, output }] }] }
val analyze(int id, std::string sentence, val options) {
  return returning_errors([&] {
    const LoadedModel& model = model_with_id(id);
    // A sentence's masks are all-or-causal: padding and custom masks need sizes the caller
    // cannot know before the sentence is split into tokens.
    const AttentionOptions attention_options = read_options(options, 1);
    if (attention_options.mask.kind != MaskKind::none && attention_options.mask.kind != MaskKind::causal)
      throw BadArgument("analyze() takes mask 'none' or 'causal'.");
    const SentenceAnalysis analysis =
        analyze_sentence(model.weights, *model.reader, sentence, attention_options);
    const std::vector<int> offsets = utf16_offsets(sentence);
    const std::vector<Prediction> predicted = predictions(analysis.trace);

    val tokens = val::array();
    for (std::size_t i = 0; i < analysis.tokens.size(); ++i) {
      const AnalyzedToken& t = analysis.tokens[i];
      val token = val::object();
      token.set("text", t.token.text);
      token.set("start", offsets[t.token.start]);
      token.set("end", offsets[t.token.end]);
      token.set("known", t.known);
      token.set("wordClass", t.word_class);
      token.set("prediction", model.weights.class_names[static_cast<std::size_t>(predicted[i].class_id)]);
      token.set("probability", predicted[i].probability);
      tokens.call<void>("push", token);
    }
    val layers = val::array();
    const int head_count = model.weights.config.head_count;
    for (std::size_t l = 0; l < analysis.trace.layers.size(); ++l) {
      const MultiHeadTrace& attention = analysis.trace.layers[l].attention;
      val heads = val::array();
      for (std::size_t h = 0; h < attention.heads.size(); ++h) {
        val head = trace_to_js(attention.heads[h].attention);
        head.set("label", model.weights.head_labels[l * static_cast<std::size_t>(head_count) + h]);
        head.set("queries", copy_out(attention.heads[h].queries));
        head.set("keys", copy_out(attention.heads[h].keys));
        head.set("values", copy_out(attention.heads[h].values));
        heads.call<void>("push", head);
      }
      val layer = val::object();
      layer.set("average", copy_out(average_over_heads(attention)));
      layer.set("heads", heads);
      layers.call<void>("push", layer);
    }
    val result = val::object();
    result.set("tokens", tokens);
    result.set("layers", layers);
    return result;
  });
}

// Bytes currently allocated by malloc in the wasm heap: lets tests prove calls leak nothing
// (the heap's total size only ever grows, so it cannot show a leak once it is large).
unsigned allocated_bytes() {
  return static_cast<unsigned>(mallinfo().uordblks);
}

}  // namespace

// --- attention() without Embind: plain numbers in, heap addresses out ----------------------
// Embind's attention() reads its arguments through some 200 JS↔wasm calls (property lookups,
// type checks, one `set` per result field): ~30 µs a call in Chromium, more than the whole
// computation at N = 16. For the common call (well-formed matrices, no mask or a causal one)
// web/src/engine.js writes Q, K and V straight into the workspace's memory, calls
// attention_direct_run() and copies the trace out of the heap itself. An input this path
// refuses returns 0, and engine.js makes the same call through Embind, whose Error words why.
namespace {
struct DirectTrace {  // read by engine.js as 32-bit words: keep the layout in step with it
  float scale;
  std::uint32_t scores, scaled, allowed, weights, output;  // heap addresses (0 when left out)
};
DirectTrace direct_trace;
}  // namespace

extern "C" {

// Sizes the input matrices (n_q×d_k, n_k×d_k, n_k×d_v) and returns the address of three
// 32-bit heap addresses, where Q, K and V go (row-major); 0 when memory ran out.
EMSCRIPTEN_KEEPALIVE std::uint32_t attention_direct_inputs(int n_q, int n_k, int d_k, int d_v) {
  static std::uint32_t addresses[3];
  try {
    AttentionWorkspace& w = attention_workspace;
    w.q.resize(n_q, d_k);
    w.k.resize(n_k, d_k);
    w.v.resize(n_k, d_v);
    addresses[0] = reinterpret_cast<std::uintptr_t>(w.q.data());
    addresses[1] = reinterpret_cast<std::uintptr_t>(w.k.data());
    addresses[2] = reinterpret_cast<std::uintptr_t>(w.v.data());
    return reinterpret_cast<std::uintptr_t>(addresses);
  } catch (const std::exception&) {
    return 0;
  }
}

// Attention over the inputs written after attention_direct_inputs(); mask 0 = none,
// 1 = causal. Returns the address of a DirectTrace, or 0 when the engine refused the input.
EMSCRIPTEN_KEEPALIVE std::uint32_t attention_direct_run(int mask, int scale_by_sqrt_dk, float temperature,
                                                        int keep_intermediate_steps) {
  try {
    AttentionWorkspace& w = attention_workspace;
    AttentionOptions options;
    options.mask.kind = mask == 1 ? MaskKind::causal : MaskKind::none;
    options.scale_by_sqrt_dk = scale_by_sqrt_dk != 0;
    options.temperature = temperature;
    options.keep_intermediate_steps = keep_intermediate_steps != 0;
    scaled_dot_product_attention(w.q, w.k, w.v, options, w.trace);
    const auto address = [](const auto& matrix) -> std::uint32_t {
      return matrix.size() > 0 ? reinterpret_cast<std::uintptr_t>(matrix.data()) : 0;
    };
    direct_trace = {w.trace.scale,           address(w.trace.scores),  address(w.trace.scaled),
                    address(w.trace.allowed), address(w.trace.weights), address(w.trace.output)};
    return reinterpret_cast<std::uintptr_t>(&direct_trace);
  } catch (const std::exception&) {
    return 0;
  }
}

// Called by engine.js once it has copied the trace out.
EMSCRIPTEN_KEEPALIVE void attention_direct_done() { attention_workspace.trim(); }

}  // extern "C"

EMSCRIPTEN_BINDINGS(attention_engine) {
  emscripten::function("attention", &attention);
  emscripten::function("multiHeadAttention", &multi_head);
  emscripten::function("allocatedBytes", &allocated_bytes);
  emscripten::function("loadModel", &load_model);
  emscripten::function("analyze", &analyze);
  emscripten::function("unloadModel", &unload_model);
  emscripten::function("loadWordReadings", &load_word_readings);
}
