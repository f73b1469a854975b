// The weights file's layout is documented in docs/model.md, "Weights file"; the comments here
// say why the reader checks what it checks. In short:
//   "ATTNLENS" · u32 version (3) · 7×u32 header · 3 string lists · parameters · u32 CRC-32
// all little-endian. A parameter is u32 rows · u32 cols · then either
//   fp16 values                            (vectors: layer-norm gains and biases, biases), or
//   one fp16 scale per row or per column · rows·cols int8 values, row-major   (matrices),
// and the value is int8 · scale. Which parameter is stored how is fixed by the format (Storage
// below), not written in the file.
#include "weights_file.hpp"
#include "validation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>

namespace attention_lens {
namespace {

constexpr char kMagic[8] = {'A', 'T', 'T', 'N', 'L', 'E', 'N', 'S'};
constexpr std::size_t kMagicSize = sizeof kMagic;

// The reader refuses headers beyond these before it allocates anything, so a corrupted or
// hostile file cannot ask for gigabytes. They are far above what a teaching model needs, and the
// writer enforces them too: whatever serialize_weights writes, parse_weights reads.
struct HeaderLimit {
  const char* name;
  int ModelConfig::*field;
  std::uint32_t max;
};
constexpr HeaderLimit kHeaderFields[] = {
    {"vocab_size", &ModelConfig::vocab_size, 1000000},
    {"class_count", &ModelConfig::class_count, 1000000},
    {"d_model", &ModelConfig::d_model, 4096},
    {"head_count", &ModelConfig::head_count, 256},
    {"layer_count", &ModelConfig::layer_count, 64},
    {"d_ff", &ModelConfig::d_ff, 16384},
    {"max_positions", &ModelConfig::max_positions, 65536},
};

// ---- CRC-32 ---------------------------------------------------------------------------------

// The reflected polynomial 0xEDB88320 (IEEE 802.3, zlib, PNG), one table entry per byte value.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

// ---- Little-endian bytes --------------------------------------------------------------------

std::uint32_t load_u32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

void append_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

// "0x" and eight hex digits ("0x0000ABCD"), or two ("AB"): written by hand, because printf's
// formatting would add some 5 KB gzipped to the browser's module for these two messages.
std::string hex_digits(std::uint32_t value, int count) {
  std::string text(static_cast<std::size_t>(count), '0');
  for (int i = count - 1; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = "0123456789ABCDEF"[value & 0xF];
  return text;
}

std::string hex32(std::uint32_t value) { return "0x" + hex_digits(value, 8); }

// ---- Checks shared by the writer and the reader ---------------------------------------------

// Index of the first byte of `text` that is not valid UTF-8 (no overlong forms, no surrogates,
// nothing past U+10FFFF), or npos. The widget hands these strings to JS as text.
std::size_t find_invalid_utf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char lead = s[i];
    std::size_t length = 1;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (n - i < length) return i;
    if (s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return std::string::npos;
}

std::string find_header_problem(const ModelConfig& config) {
  for (const HeaderLimit& limit : kHeaderFields) {
    const int value = config.*limit.field;
    if (value < 1 || static_cast<std::uint32_t>(value) > limit.max)
      return std::string(limit.name) + " is " + std::to_string(value) + "; a weights file holds 1 to " +
             std::to_string(limit.max) + ".";
  }
  if (config.d_model % config.head_count != 0)
    return "head_count = " + std::to_string(config.head_count) + " does not divide d_model = " +
           std::to_string(config.d_model) + "; each head needs d_k = d_model / head_count columns.";
  return {};
}

// ---- The parameters, in file order ----------------------------------------------------------

// How a parameter is stored. Matrices are int8 with one fp16 scale per group of values (symmetric:
// value = q · scale, q in −127 … 127, scale = the group's largest magnitude / 127), which halves
// the file against fp16; the trainer evaluates the quantised model, so what it reports ships.
//  - Lookup tables (token and position embeddings) have a scale per row: a row is all that one
//    word or position contributes, so each gets the full int8 range, however small its vector.
//  - Projections (x·W: W_Q, W_K, W_V, W_O, the feed-forward) have a scale per
//    column, i.e. per output: output j is x·W[:, j], so its rounding error is relative to its own
//    weights, not to whichever other output has the largest ones (per-channel quantisation).
//    A logit or a head's query/key whose weights are all small keeps its precision.
//    It is also fewer scales here: d_k = 8 columns against d_model = 32 rows.
//  Measured on the trained model against its float weights: this split gives a relative weight
//  error of 0.53 % and moves no lesson attention weight by more than 0.25 points; every matrix
//  per row, 0.55 % and 0.31; every matrix per column, 0.69 % and 0.75. (Held-out accuracy is
//  the same for all three.)
//  - Vectors (layer-norm gains and biases, biases: 816 of the model's 40,752 values) stay fp16:
//    a vector would get one scale for all of it, so a large gain would flatten a small bias
//    next to it, and int8 would save only ~0.8 KB.
enum class Storage { fp16_values, int8_per_row, int8_per_column };

// Calls visit(name, tensor, rows, cols, storage) for every stored parameter in the order of the
// file, with the shape the config gives it. `Weights` is ModelWeights (the reader fills the
// tensors) or const ModelWeights (the writer reads them); layers and heads must already be sized.
template <typename Weights, typename Visit>
void for_each_parameter(Weights& w, const ModelConfig& c, Visit&& visit) {
  const Eigen::Index d = c.d_model, d_k = c.d_model / c.head_count, d_ff = c.d_ff;
  constexpr Storage vector = Storage::fp16_values, table = Storage::int8_per_row,
                    projection = Storage::int8_per_column;
  const auto norm = [&](const std::string& name, auto& weights) {
    visit(name + " gain", weights.gain, 1, d, vector);
    visit(name + " bias", weights.bias, 1, d, vector);
  };
  visit("token_embedding", w.token_embedding, c.vocab_size, d, table);
  visit("position_embedding", w.position_embedding, c.max_positions, d, table);
  for (std::size_t l = 0; l < w.layers.size(); ++l) {
    auto& layer = w.layers[l];
    const std::string prefix = "layer " + std::to_string(l) + " ";
    norm(prefix + "attention_norm", layer.attention_norm);
    for (std::size_t h = 0; h < layer.attention.heads.size(); ++h) {
      auto& head = layer.attention.heads[h];
      const std::string head_prefix = prefix + "head " + std::to_string(h) + " ";
      visit(head_prefix + "W_Q", head.w_query, d, d_k, projection);
      visit(head_prefix + "W_K", head.w_key, d, d_k, projection);
      visit(head_prefix + "W_V", head.w_value, d, d_k, projection);
    }
    visit(prefix + "W_O", layer.attention.w_output, d, d, projection);
    if (l + 1 == w.layers.size()) continue;  // the last layer has no feed-forward
    norm(prefix + "ffn_norm", layer.ffn_norm);
    visit(prefix + "ffn_in", layer.ffn_in, d, d_ff, projection);
    visit(prefix + "ffn_in_bias", layer.ffn_in_bias, 1, d_ff, vector);
    visit(prefix + "ffn_out", layer.ffn_out, d_ff, d, projection);
    visit(prefix + "ffn_out_bias", layer.ffn_out_bias, 1, d, vector);
  }
  norm("value_norm", w.value_norm);
  norm("output_norm", w.output_norm);
  visit("classifier_bias", w.classifier_bias, 1, c.class_count, vector);
}

// ---- int8 quantisation ----------------------------------------------------------------------

// A group of values (a row or a column) shares one scale; these say which group an entry is in.
const char* group_word(Storage storage) { return storage == Storage::int8_per_row ? "row" : "column"; }
Eigen::Index group_count(Storage storage, Eigen::Index rows, Eigen::Index cols) {
  return storage == Storage::int8_per_row ? rows : cols;
}
Eigen::Index group_of(Storage storage, Eigen::Index row, Eigen::Index col) {
  return storage == Storage::int8_per_row ? row : col;
}

// The largest int8 scale an fp16 can hold: every |value| ≤ 127 · 65504.
constexpr float kLargestInt8Magnitude = 127.0f * 65504.0f;

// The scale of a group whose largest magnitude is `largest` (finite, ≤ kLargestInt8Magnitude):
// the smallest fp16 that is at least largest / 127. Rounding *up* keeps every |value| / scale
// ≤ 127, so no value is clipped and each is off by at most scale / 2. For a normal fp16 that
// costs at most 2^-10 of the scale; a group so small (largest < 127 · 2^-14 ≈ 0.0078) that its
// scale is an fp16 subnormal may get a coarser scale, off by at most 2^-24 absolute, which
// keeps its error under scale / 2 ≤ largest / 254 + 2^-25 all the same.
std::uint16_t int8_scale(float largest) {
  std::uint16_t scale = float_to_half(largest / 127.0f);
  // 127 · an fp16 is exact in double, so this comparison is too.
  if (127.0 * static_cast<double>(half_to_float(scale)) < static_cast<double>(largest)) ++scale;  // next fp16 up
  return scale;
}

// ---- Writing --------------------------------------------------------------------------------

void append_strings(std::vector<std::uint8_t>& out, const char* list,
                    const std::vector<std::string>& strings) {
  append_u32(out, static_cast<std::uint32_t>(strings.size()));
  for (std::size_t i = 0; i < strings.size(); ++i) {
    const std::string& text = strings[i];
    const std::size_t bad = find_invalid_utf8(text);
    if (bad != std::string::npos)
      throw InvalidInput("Cannot save the weights: " + std::string(list) + " entry " + std::to_string(i) +
                         " is not valid UTF-8 (at byte " + std::to_string(bad) + ").");
    if (text.size() > 0xFFFFFFFFu)
      throw InvalidInput("Cannot save the weights: " + std::string(list) + " entry " + std::to_string(i) +
                         " is longer than 4 GiB.");
    append_u32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
  }
}

std::string entry_text(const std::string& name, float value, Eigen::Index row, Eigen::Index col) {
  return name + " has " + number_text(value) + " at row " + std::to_string(row) + ", column " + std::to_string(col);
}

template <typename Tensor>
void append_fp16_values(std::vector<std::uint8_t>& out, const std::string& name, const Tensor& tensor) {
  for (Eigen::Index i = 0; i < tensor.rows(); ++i)
    for (Eigen::Index j = 0; j < tensor.cols(); ++j) {
      const float value = tensor(i, j);
      const std::uint16_t half = float_to_half(value);
      if ((half & 0x7C00u) == 0x7C00u)  // Inf or NaN in fp16
        throw InvalidInput("Cannot save the weights: " + entry_text(name, value, i, j) +
                           "; fp16 holds finite numbers up to ±65504.");
      out.push_back(static_cast<std::uint8_t>(half));
      out.push_back(static_cast<std::uint8_t>(half >> 8));
    }
}

// The group's scales (fp16), then every value as int8, row-major.
template <typename Tensor>
void append_int8_values(std::vector<std::uint8_t>& out, const std::string& name, const Tensor& tensor,
                        Storage storage) {
  const Eigen::Index rows = tensor.rows(), cols = tensor.cols();
  std::vector<float> largest(static_cast<std::size_t>(group_count(storage, rows, cols)), 0.0f);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) {
      const float value = tensor(i, j);
      if (!std::isfinite(value))
        throw InvalidInput("Cannot save the weights: " + entry_text(name, value, i, j) +
                           "; every value must be a finite number.");
      if (std::abs(value) > kLargestInt8Magnitude)
        throw InvalidInput("Cannot save the weights: " + entry_text(name, value, i, j) +
                           "; int8 with an fp16 scale holds magnitudes up to 127 · 65504 = 8319008.");
      float& group_largest = largest[static_cast<std::size_t>(group_of(storage, i, j))];
      group_largest = std::max(group_largest, std::abs(value));
    }
  std::vector<float> scales;
  scales.reserve(largest.size());
  for (const float group_largest : largest) {
    const std::uint16_t half = int8_scale(group_largest);
    out.push_back(static_cast<std::uint8_t>(half));
    out.push_back(static_cast<std::uint8_t>(half >> 8));
    scales.push_back(half_to_float(half));
  }
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) {
      const float scale = scales[static_cast<std::size_t>(group_of(storage, i, j))];
      // |value| / scale ≤ 127 (int8_scale rounds the scale up), so q never needs clipping.
      const long q = scale == 0.0f ? 0 : std::lround(tensor(i, j) / scale);
      out.push_back(static_cast<std::uint8_t>(static_cast<std::int8_t>(q)));
    }
}

// ---- Reading --------------------------------------------------------------------------------

// A file that ends too early. Kept apart from other problems so that a file whose checksum does
// not match can be reported as truncated when that is what happened.
class Truncated : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

// Reads little-endian fields from [data, data + size), never past the end: every read first
// checks that its bytes are there, and says which part of the file ran out.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::size_t position() const { return position_; }
  std::size_t remaining() const { return size_ - position_; }

  // Throws Truncated unless `bytes` more bytes are there; `part` names what they hold.
  void require(std::uint64_t bytes, const std::string& part) const {
    if (bytes <= remaining()) return;
    throw Truncated("The weights file is truncated: " + std::to_string(bytes) + " bytes are needed for " +
                    part + ", but only " + std::to_string(remaining()) + " are left (the file is " +
                    std::to_string(size_) + " bytes).");
  }

  std::uint32_t u32(const std::string& part) {
    require(4, part);
    const std::uint32_t value = load_u32(data_ + position_);
    position_ += 4;
    return value;
  }

  const std::uint8_t* take(std::uint64_t bytes, const std::string& part) {
    require(bytes, part);  // so bytes ≤ remaining() fits a size_t
    const std::uint8_t* start = data_ + position_;
    position_ += static_cast<std::size_t>(bytes);
    return start;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

// `count` was read from the file; `expected` is what the header says it must be.
std::vector<std::string> read_strings(Reader& in, const char* list, const char* header_field,
                                      std::uint32_t expected) {
  const std::uint32_t count = in.u32(std::string("the number of ") + list + " entries");
  if (count != expected)
    throw InvalidInput("The weights file lists " + std::to_string(count) + " " + list + " entries; its header (" +
                       header_field + ") says " + std::to_string(expected) + ".");
  // Each entry has at least its 4-byte length: check before reserving room for `count`.
  in.require(std::uint64_t{4} * count, "the list of " + std::to_string(count) + " " + list + " entries");
  std::vector<std::string> strings;
  strings.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::string part = std::string(list) + " entry " + std::to_string(i);
    const std::uint32_t length = in.u32(part + "'s length");
    const auto* bytes = reinterpret_cast<const char*>(in.take(length, part));
    strings.emplace_back(bytes, length);
    const std::size_t bad = find_invalid_utf8(strings.back());
    if (bad != std::string::npos)
      throw InvalidInput("The weights file's " + part + " is not valid UTF-8 (at byte " + std::to_string(bad) + ").");
  }
  return strings;
}

// One parameter: u32 rows, u32 cols, then its values as `storage` says. The stored shape must be
// the one the header implies, which also bounds the allocation by the header limits; the
// values must be in the file before room is made for them.
template <typename Tensor>
void read_parameter(Reader& in, const std::string& name, Tensor& tensor, Eigen::Index rows,
                    Eigen::Index cols, Storage storage, const ModelConfig& c) {
  const std::uint32_t stored_rows = in.u32(name + "'s row count");
  const std::uint32_t stored_cols = in.u32(name + "'s column count");
  if (stored_rows != static_cast<std::uint64_t>(rows) || stored_cols != static_cast<std::uint64_t>(cols))
    throw InvalidInput("The weights file stores " + name + " as " + shape_text(stored_rows, stored_cols) +
                       "; its header (vocab_size " + std::to_string(c.vocab_size) + ", class_count " +
                       std::to_string(c.class_count) + ", d_model " + std::to_string(c.d_model) +
                       ", head_count " + std::to_string(c.head_count) + ", d_ff " + std::to_string(c.d_ff) +
                       ", max_positions " + std::to_string(c.max_positions) + ") needs " +
                       shape_text(rows, cols) + ".");
  const std::size_t count = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);  // ≤ header limits
  if (storage == Storage::fp16_values) {
    const std::uint8_t* values = in.take(2 * std::uint64_t{count}, name + "'s " + std::to_string(count) + " fp16 values");
    tensor.resize(rows, cols);
    float* out = tensor.data();  // row-major (a RowVector has one row), as in the file
    for (std::size_t i = 0; i < count; ++i)
      out[i] = half_to_float(static_cast<std::uint16_t>(values[2 * i] | values[2 * i + 1] << 8));
    // NaN or ±Inf would silently poison every prediction the widget shows.
    const std::string problem = find_matrix_problem(name, Eigen::Map<const Matrix>(out, rows, cols));
    if (!problem.empty()) throw InvalidInput("The weights file's " + problem);
    return;
  }

  const Eigen::Index groups = group_count(storage, rows, cols);
  const std::string group = group_word(storage);
  const std::uint8_t* scale_bytes =
      in.take(2 * std::uint64_t(groups), name + "'s " + std::to_string(groups) + " fp16 scales");
  const std::uint8_t* values = in.take(count, name + "'s " + std::to_string(count) + " int8 values");
  std::vector<float> scales(static_cast<std::size_t>(groups));
  for (Eigen::Index g = 0; g < groups; ++g) {
    const std::size_t at = 2 * static_cast<std::size_t>(g);
    const float scale = half_to_float(static_cast<std::uint16_t>(scale_bytes[at] | scale_bytes[at + 1] << 8));
    // A negative scale would only flip signs, but the writer never makes one: refusing it (and
    // NaN, ±Inf) keeps one way to write each model.
    if (!std::isfinite(scale) || std::signbit(scale))
      throw InvalidInput("The weights file's " + name + " has scale " + number_text(scale) + " for " + group + " " +
                         std::to_string(g) + "; every scale must be a finite number ≥ 0.");
    scales[static_cast<std::size_t>(g)] = scale;
  }
  tensor.resize(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) {
      const auto q = static_cast<std::int8_t>(values[static_cast<std::size_t>(i * cols + j)]);
      const Eigen::Index g = group_of(storage, i, j);
      const float scale = scales[static_cast<std::size_t>(g)];
      // Symmetric int8: −128 has no +128 to mirror it, and the writer never uses it.
      if (q == -128)
        throw InvalidInput("The weights file's " + name + " has the int8 value -128 at row " + std::to_string(i) +
                           ", column " + std::to_string(j) + "; its values lie in -127 to 127.");
      // A group whose values are all 0 is written with scale 0 and zeros.
      if (scale == 0.0f && q != 0)
        throw InvalidInput("The weights file's " + name + " has scale 0 for " + group + " " + std::to_string(g) +
                           " but the int8 value " + std::to_string(q) + " at row " + std::to_string(i) +
                           ", column " + std::to_string(j) + "; a " + group + " scaled by 0 holds only zeros.");
      tensor(i, j) = static_cast<float>(q) * scale;  // exact: 8 by 11 significant bits
    }
}

// Everything after the version, up to (not including) the checksum.
ModelWeights read_contents(Reader& in) {
  ModelWeights w;
  ModelConfig& c = w.config;
  std::array<std::uint32_t, std::size(kHeaderFields)> header{};
  for (std::size_t i = 0; i < header.size(); ++i)
    header[i] = in.u32(std::string("the header's ") + kHeaderFields[i].name);
  // 1. The header, checked before it sizes anything.
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] < 1 || header[i] > kHeaderFields[i].max)
      throw InvalidInput("The weights file's header says " + std::string(kHeaderFields[i].name) + " = " +
                         std::to_string(header[i]) + "; this reader accepts 1 to " +
                         std::to_string(kHeaderFields[i].max) + ".");
    c.*kHeaderFields[i].field = static_cast<int>(header[i]);
  }
  const std::string header_problem = find_header_problem(c);
  if (!header_problem.empty()) throw InvalidInput("The weights file's header does not fit together: " + header_problem);

  // 2. The strings.
  w.vocabulary = read_strings(in, "vocabulary", "vocab_size", static_cast<std::uint32_t>(c.vocab_size));
  w.class_names = read_strings(in, "class_names", "class_count", static_cast<std::uint32_t>(c.class_count));
  w.head_labels = read_strings(in, "head_labels", "layer_count·head_count",
                               static_cast<std::uint32_t>(c.layer_count * c.head_count));

  // 3. The parameters (the last layer's feed-forward stays empty).
  w.layers.resize(static_cast<std::size_t>(c.layer_count));
  for (LayerWeights& layer : w.layers) layer.attention.heads.resize(static_cast<std::size_t>(c.head_count));
  for_each_parameter(w, c, [&](const std::string& name, auto& tensor, Eigen::Index rows, Eigen::Index cols,
                               Storage storage) {
    read_parameter(in, name, tensor, rows, cols, storage, c);
  });
  return w;
}

// The checksum did not match: say what most likely happened.
std::string describe_damage(const std::uint8_t* data, std::size_t size) {
  const std::uint32_t stored = load_u32(data + size - 4);
  const std::uint32_t computed = crc32(data, size - 4);
  try {
    Reader in(data, size);
    in.take(kMagicSize + 4, "the signature and version");  // checked by the caller
    read_contents(in);
    in.require(4, "the checksum");
    const std::size_t end = in.position() + 4;
    // Bytes appended after a whole, intact file (e.g. padding added on the way).
    if (end < size && load_u32(data + in.position()) == crc32(data, in.position()))
      return "The weights file has " + std::to_string(size - end) +
             " trailing bytes after its checksum; it should end at byte " + std::to_string(end) + ".";
  } catch (const Truncated& truncated) {
    return truncated.what() + std::string(" Its checksum does not match either.");
  } catch (const InvalidInput&) {
    // Damaged inside: the checksum message below says so.
  }
  return "The weights file is corrupted: checksum mismatch (the file says " + hex32(stored) +
         ", its " + std::to_string(size - 4) + " bytes give " + hex32(computed) + ").";
}

// Printable ASCII as it is, anything else in hex: enough to recognise an HTML error page or a PNG.
std::string describe_start(const std::uint8_t* data, std::size_t size) {
  const std::size_t n = size < kMagicSize ? size : kMagicSize;
  bool printable = n > 0;
  for (std::size_t i = 0; i < n; ++i) printable = printable && data[i] >= 0x20 && data[i] < 0x7F;
  if (printable) return "\"" + std::string(reinterpret_cast<const char*>(data), n) + "\"";
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += (i ? " " : "") + hex_digits(data[i], 2);
  return "the bytes " + text;
}

}  // namespace

// ---- fp16 -----------------------------------------------------------------------------------

std::uint16_t float_to_half(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
  const std::uint32_t magnitude = bits & 0x7FFFFFFFu;

  if (magnitude >= 0x7F800000u) {  // Inf or NaN
    if (magnitude == 0x7F800000u) return sign | 0x7C00u;
    // NaN: keep the top of the payload; make sure some bit survives so it stays a NaN.
    const std::uint32_t payload = (magnitude >> 13) & 0x3FFu;
    return static_cast<std::uint16_t>(sign | 0x7C00u | (payload ? payload : 0x200u));
  }
  // 65520 is halfway between 65504 (the largest half) and 65536: ties go to the even
  // neighbour, which is 65536, i.e. Inf.
  if (magnitude >= 0x477FF000u) return sign | 0x7C00u;

  if (magnitude >= 0x38800000u) {  // ≥ 2^-14: a normal half
    // Rebias the exponent (127 → 15) and drop 13 mantissa bits, rounding to nearest even: add
    // just under half a unit, plus one when the kept part is odd. A carry out of the mantissa
    // moves correctly into the exponent.
    const std::uint32_t odd = (magnitude >> 13) & 1u;
    const std::uint32_t rounded = magnitude - 0x38000000u + 0xFFFu + odd;
    return static_cast<std::uint16_t>(sign | (rounded >> 13));
  }

  // A half subnormal (units of 2^-24) or zero. Below 2^-25 everything rounds to zero (2^-25
  // itself is a tie, and zero is even).
  const std::uint32_t exponent = magnitude >> 23;
  if (exponent < 102) return sign;
  const std::uint32_t significand = (magnitude & 0x7FFFFFu) | 0x800000u;  // value = significand · 2^(exponent-150)
  const std::uint32_t shift = 126 - exponent;                                  // 14 … 24
  std::uint32_t result = significand >> shift;
  const std::uint32_t rest = significand & ((1u << shift) - 1u);
  const std::uint32_t half_unit = 1u << (shift - 1);
  if (rest > half_unit || (rest == half_unit && (result & 1u))) ++result;  // may become 2^-14, 0x0400: right
  return static_cast<std::uint16_t>(sign | result);
}

float half_to_float(std::uint16_t half) {
  const std::uint32_t sign = static_cast<std::uint32_t>(half & 0x8000u) << 16;
  const std::uint32_t exponent = (half >> 10) & 0x1Fu;
  std::uint32_t mantissa = half & 0x3FFu;
  std::uint32_t bits;
  if (exponent == 0x1F) {
    bits = sign | 0x7F800000u | (mantissa << 13);  // Inf, or NaN with its payload
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);  // 112 = 127 - 15
  } else if (mantissa == 0) {
    bits = sign;  // ±0
  } else {
    // Subnormal: mantissa · 2^-24. Shift it up until the implicit bit appears.
    std::uint32_t float_exponent = 113;  // the exponent of 2^-14, less one per shift
    while ((mantissa & 0x400u) == 0) {
      mantissa <<= 1;
      --float_exponent;
    }
    bits = sign | (float_exponent << 23) | ((mantissa & 0x3FFu) << 13);
  }
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// ---- CRC-32 ---------------------------------------------------------------------------------

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) crc = kCrcTable[(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

// ---- The file -------------------------------------------------------------------------------

std::vector<std::uint8_t> serialize_weights(const ModelWeights& weights) {
  // The writer refuses what the reader would refuse, so a saved file always loads.
  std::string problem = find_weights_shape_problem(weights);
  if (problem.empty()) problem = find_header_problem(weights.config);
  if (!problem.empty()) throw InvalidInput("Cannot save the weights: " + problem);
  const ModelConfig& c = weights.config;

  std::vector<std::uint8_t> out(kMagic, kMagic + kMagicSize);
  append_u32(out, kWeightsFormatVersion);
  for (const HeaderLimit& field : kHeaderFields) append_u32(out, static_cast<std::uint32_t>(c.*field.field));
  append_strings(out, "vocabulary", weights.vocabulary);
  append_strings(out, "class_names", weights.class_names);
  append_strings(out, "head_labels", weights.head_labels);

  for_each_parameter(weights, c, [&out](const std::string& name, const auto& tensor, Eigen::Index rows,
                                        Eigen::Index cols, Storage storage) {
    append_u32(out, static_cast<std::uint32_t>(rows));
    append_u32(out, static_cast<std::uint32_t>(cols));
    if (storage == Storage::fp16_values)
      append_fp16_values(out, name, tensor);
    else
      append_int8_values(out, name, tensor, storage);
  });
  append_u32(out, crc32(out.data(), out.size()));
  return out;
}

ModelWeights parse_weights(const std::uint8_t* data, std::size_t size) {
  // 1. What kind of file is this? Checked first: a different version may be laid out differently.
  if (size < kMagicSize || std::memcmp(data, kMagic, kMagicSize) != 0)
    throw InvalidInput("This is not an Attention Lens weights file: it should start with \"ATTNLENS\"; it " +
                       (size == 0 ? std::string("is empty") : "starts with " + describe_start(data, size)) + ".");
  Reader in(data, size);
  in.take(kMagicSize, "the signature");
  const std::uint32_t version = in.u32("the format version");
  // Only one format ships with a build, so an older file is refused, not converted: it says how
  // to make a current one.
  if (version == 1)
    throw InvalidInput("This weights file has format version 1 (fp16 parameters); this build reads version " +
                       std::to_string(kWeightsFormatVersion) +
                       " (int8 parameters with fp16 scales). Regenerate it with `npm run train`.");
  if (version == 2)
    throw InvalidInput("This weights file has format version 2 (a 441-word model with a classifier of its own); "
                       "this build reads version " + std::to_string(kWeightsFormatVersion) +
                       " (class rows for everyday words, the classifier tied to the token embedding). "
                       "Regenerate it with `npm run train`.");
  if (version != kWeightsFormatVersion)
    throw InvalidInput("This weights file has format version " + std::to_string(version) +
                       "; this build reads version " + std::to_string(kWeightsFormatVersion) + ".");

  // 2. The checksum, before anything else is believed.
  constexpr std::size_t kChecksumSize = 4;
  if (size < in.position() + kChecksumSize || load_u32(data + size - kChecksumSize) != crc32(data, size - kChecksumSize))
    throw InvalidInput(describe_damage(data, size));

  // 3. The contents. The checksum matched, so any problem now was written that way.
  Reader contents(data, size - kChecksumSize);
  contents.take(in.position(), "the signature and version");
  ModelWeights weights = read_contents(contents);
  if (contents.remaining() != 0)
    throw InvalidInput("The weights file has " + std::to_string(contents.remaining()) +
                       " trailing bytes between classifier_bias and the checksum.");
  const std::string problem = find_weights_shape_problem(weights);
  if (!problem.empty()) throw InvalidInput("The weights file does not fit together: " + problem);
  return weights;
}

}  // namespace attention_lens
