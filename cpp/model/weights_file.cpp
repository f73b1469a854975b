// The weights file's layout is documented in docs/model.md, "Weights file"; the comments here
// say why the reader checks what it checks. In short:
//   "ATTNLENS" · u32 version · 7×u32 header · 3 string lists · parameters (fp16) · u32 CRC-32
// all little-endian.
#include "weights_file.hpp"
#include "validation.hpp"

#include <array>
#include <cstdio>
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

std::string hex32(std::uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08X", static_cast<unsigned>(value));
  return buffer;
}

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

// Calls visit(name, tensor, rows, cols) for every stored parameter in the order of the file,
// with the shape the config gives it. `Weights` is ModelWeights (the reader fills the tensors)
// or const ModelWeights (the writer reads them); layers and heads must already be sized.
template <typename Weights, typename Visit>
void for_each_parameter(Weights& w, const ModelConfig& c, Visit&& visit) {
  const Eigen::Index d = c.d_model, d_k = c.d_model / c.head_count, d_ff = c.d_ff;
  const auto norm = [&](const std::string& name, auto& weights) {
    visit(name + " gain", weights.gain, 1, d);
    visit(name + " bias", weights.bias, 1, d);
  };
  visit("token_embedding", w.token_embedding, c.vocab_size, d);
  visit("position_embedding", w.position_embedding, c.max_positions, d);
  for (std::size_t l = 0; l < w.layers.size(); ++l) {
    auto& layer = w.layers[l];
    const std::string prefix = "layer " + std::to_string(l) + " ";
    norm(prefix + "attention_norm", layer.attention_norm);
    for (std::size_t h = 0; h < layer.attention.heads.size(); ++h) {
      auto& head = layer.attention.heads[h];
      const std::string head_prefix = prefix + "head " + std::to_string(h) + " ";
      visit(head_prefix + "W_Q", head.w_query, d, d_k);
      visit(head_prefix + "W_K", head.w_key, d, d_k);
      visit(head_prefix + "W_V", head.w_value, d, d_k);
    }
    visit(prefix + "W_O", layer.attention.w_output, d, d);
    if (l + 1 == w.layers.size()) continue;  // the last layer has no feed-forward
    norm(prefix + "ffn_norm", layer.ffn_norm);
    visit(prefix + "ffn_in", layer.ffn_in, d, d_ff);
    visit(prefix + "ffn_in_bias", layer.ffn_in_bias, 1, d_ff);
    visit(prefix + "ffn_out", layer.ffn_out, d_ff, d);
    visit(prefix + "ffn_out_bias", layer.ffn_out_bias, 1, d);
  }
  norm("value_norm", w.value_norm);
  norm("output_norm", w.output_norm);
  visit("classifier", w.classifier, d, c.class_count);
  visit("classifier_bias", w.classifier_bias, 1, c.class_count);
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

// One parameter: u32 rows, u32 cols, rows·cols fp16 values row-major. The stored shape must be
// the one the header implies, which also bounds the allocation by the header limits; the
// values must be in the file before room is made for them.
template <typename Tensor>
void read_parameter(Reader& in, const std::string& name, Tensor& tensor, Eigen::Index rows,
                    Eigen::Index cols, const ModelConfig& c) {
  const std::uint32_t stored_rows = in.u32(name + "'s row count");
  const std::uint32_t stored_cols = in.u32(name + "'s column count");
  if (stored_rows != static_cast<std::uint64_t>(rows) || stored_cols != static_cast<std::uint64_t>(cols))
    throw InvalidInput("The weights file stores " + name + " as " + shape_text(stored_rows, stored_cols) +
                       "; its header (vocab_size " + std::to_string(c.vocab_size) + ", class_count " +
                       std::to_string(c.class_count) + ", d_model " + std::to_string(c.d_model) +
                       ", head_count " + std::to_string(c.head_count) + ", d_ff " + std::to_string(c.d_ff) +
                       ", max_positions " + std::to_string(c.max_positions) + ") needs " +
                       shape_text(rows, cols) + ".");
  const std::uint64_t count = std::uint64_t{stored_rows} * stored_cols;
  const std::uint8_t* values = in.take(2 * count, name + "'s " + std::to_string(count) + " fp16 values");
  tensor.resize(rows, cols);
  float* out = tensor.data();  // row-major (a RowVector has one row), as in the file
  for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i)
    out[i] = half_to_float(static_cast<std::uint16_t>(values[2 * i] | values[2 * i + 1] << 8));
  // NaN or ±Inf would silently poison every prediction the widget shows.
  const std::string problem = find_matrix_problem(name, Eigen::Map<const Matrix>(out, rows, cols));
  if (!problem.empty()) throw InvalidInput("The weights file's " + problem);
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
  for_each_parameter(w, c, [&](const std::string& name, auto& tensor, Eigen::Index rows, Eigen::Index cols) {
    read_parameter(in, name, tensor, rows, cols, c);
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
  for (std::size_t i = 0; i < n; ++i) {
    char buffer[4];
    std::snprintf(buffer, sizeof buffer, "%02X", static_cast<unsigned>(data[i]));
    text += (i ? " " : "") + std::string(buffer);
  }
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
                                        Eigen::Index cols) {
    append_u32(out, static_cast<std::uint32_t>(rows));
    append_u32(out, static_cast<std::uint32_t>(cols));
    for (Eigen::Index i = 0; i < rows; ++i)
      for (Eigen::Index j = 0; j < cols; ++j) {
        const float value = tensor(i, j);
        const std::uint16_t half = float_to_half(value);
        if ((half & 0x7C00u) == 0x7C00u)  // Inf or NaN in fp16
          throw InvalidInput("Cannot save the weights: " + name + " has " + number_text(value) + " at row " +
                             std::to_string(i) + ", column " + std::to_string(j) +
                             "; fp16 holds finite numbers up to ±65504.");
        out.push_back(static_cast<std::uint8_t>(half));
        out.push_back(static_cast<std::uint8_t>(half >> 8));
      }
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
