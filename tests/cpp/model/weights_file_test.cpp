// The weights file: fp16 and CRC-32 against their definitions, a round trip of a small random
// model within the int8 quantisation bound, every refusal with its message, and fuzzing (random
// bytes, every truncation, every byte flip) that must end in either a model or InvalidInput,
// never a crash.
#include "weights_file.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using namespace attention_lens;
using Catch::Matchers::Contains;

namespace {

// A small model whose values span fp16's whole range, subnormals included: each is
// ±[0.5, 1) · 2^e with e in [-22, 4], so one int8 row or column holds magnitudes 2^26 apart.
// The same for the same seed on every machine.
ModelWeights small_weights(std::uint32_t seed = 1) {
  std::mt19937 generator(seed);
  const auto random = [&generator](Eigen::Index rows, Eigen::Index cols) {
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) {
      const float unit = 0.5f + 0.5f * static_cast<float>(generator() >> 8) / 16777216.0f;
      const int exponent = static_cast<int>(generator() % 27) - 22;
      m.data()[i] = std::ldexp(generator() % 2 ? unit : -unit, exponent);
    }
    return m;
  };
  const auto norm = [&](int d) { return LayerNormWeights{random(1, d), random(1, d)}; };

  ModelWeights w;
  ModelConfig& c = w.config;
  c.vocab_size = 7;
  c.class_count = 7;  // = vocab_size: the classifier is tied to the token embedding
  c.d_model = 8;
  c.head_count = 2;
  c.layer_count = 2;
  c.d_ff = 12;
  c.max_positions = 10;
  const int d = c.d_model, d_k = d / c.head_count;
  w.vocabulary = {"[unk]", "the", "dog", "café", "it", "bank", "river"};
  w.class_names = w.vocabulary;
  w.head_labels = {"", "it → noun", "sense", ""};
  w.token_embedding = random(c.vocab_size, d);
  w.position_embedding = random(c.max_positions, d);
  for (int l = 0; l < c.layer_count; ++l) {
    LayerWeights layer;
    layer.attention_norm = norm(d);
    for (int h = 0; h < c.head_count; ++h)
      layer.attention.heads.push_back({random(d, d_k), random(d, d_k), random(d, d_k)});
    layer.attention.w_output = random(d, d);
    if (l + 1 < c.layer_count) {
      layer.ffn_norm = norm(d);
      layer.ffn_in = random(d, c.d_ff);
      layer.ffn_in_bias = random(1, c.d_ff);
      layer.ffn_out = random(c.d_ff, d);
      layer.ffn_out_bias = random(1, d);
    }
    w.layers.push_back(layer);
  }
  w.value_norm = norm(d);
  w.output_norm = norm(d);
  w.classifier_bias = random(1, c.class_count);
  return w;
}

// How docs/model.md says each parameter is stored.
enum class Stored { fp16, int8_per_row, int8_per_column };

// visit(name, a_tensor, b_tensor, stored) for every parameter of two models of the same shape.
template <typename Visit>
void for_each_parameter_pair(const ModelWeights& a, const ModelWeights& b, Visit visit) {
  constexpr Stored fp16 = Stored::fp16, row = Stored::int8_per_row, column = Stored::int8_per_column;
  visit("token_embedding", a.token_embedding, b.token_embedding, row);
  visit("position_embedding", a.position_embedding, b.position_embedding, row);
  for (std::size_t l = 0; l < a.layers.size(); ++l) {
    const LayerWeights &x = a.layers[l], &y = b.layers[l];
    const std::string p = "layer " + std::to_string(l) + " ";
    visit(p + "attention_norm gain", x.attention_norm.gain, y.attention_norm.gain, fp16);
    visit(p + "attention_norm bias", x.attention_norm.bias, y.attention_norm.bias, fp16);
    for (std::size_t h = 0; h < x.attention.heads.size(); ++h) {
      const std::string q = p + "head " + std::to_string(h) + " ";
      visit(q + "W_Q", x.attention.heads[h].w_query, y.attention.heads[h].w_query, column);
      visit(q + "W_K", x.attention.heads[h].w_key, y.attention.heads[h].w_key, column);
      visit(q + "W_V", x.attention.heads[h].w_value, y.attention.heads[h].w_value, column);
    }
    visit(p + "W_O", x.attention.w_output, y.attention.w_output, column);
    visit(p + "ffn_norm gain", x.ffn_norm.gain, y.ffn_norm.gain, fp16);
    visit(p + "ffn_norm bias", x.ffn_norm.bias, y.ffn_norm.bias, fp16);
    visit(p + "ffn_in", x.ffn_in, y.ffn_in, column);
    visit(p + "ffn_in_bias", x.ffn_in_bias, y.ffn_in_bias, fp16);
    visit(p + "ffn_out", x.ffn_out, y.ffn_out, column);
    visit(p + "ffn_out_bias", x.ffn_out_bias, y.ffn_out_bias, fp16);
  }
  visit("value_norm gain", a.value_norm.gain, b.value_norm.gain, fp16);
  visit("value_norm bias", a.value_norm.bias, b.value_norm.bias, fp16);
  visit("output_norm gain", a.output_norm.gain, b.output_norm.gain, fp16);
  visit("output_norm bias", a.output_norm.bias, b.output_norm.bias, fp16);
  visit("classifier_bias", a.classifier_bias, b.classifier_bias, fp16);
}

// The largest magnitude in the row or column (as `stored` says) that holds entry (i, j).
template <typename Tensor>
float group_largest(const Tensor& x, Eigen::Index i, Eigen::Index j, Stored stored) {
  return stored == Stored::int8_per_row ? x.row(i).cwiseAbs().maxCoeff() : x.col(j).cwiseAbs().maxCoeff();
}

// How far a stored value may be from the original. fp16: half a step, |x|·2^-11 (+ 2^-25 ≈ 3e-8
// below fp16's normals). int8: half the group's scale s, q = round(x / s). s is the smallest fp16
// ≥ largest / 127, which is at most 2^-10 above it (fp16 keeps 11 significant bits) or, when s is
// an fp16 subnormal, at most 2^-24 above it; so |x − q·s| ≤ s/2 ≤ largest / 254 · (1 + 2^-10) +
// 2^-25. The factor (1 + 2^-16) covers float rounding of x / s (a few units in the 24th bit).
float allowed_error(float x, float largest, Stored stored) {
  if (stored == Stored::fp16) return std::abs(x) * std::ldexp(1.0f, -11) + 6e-8f;
  return (largest / 254.0f * (1.0f + std::ldexp(1.0f, -10)) + std::ldexp(1.0f, -25)) * (1.0f + std::ldexp(1.0f, -16));
}

// The worst |x − y| / allowed_error over every parameter, and how many values were compared.
struct RoundTrip {
  float worst = 0;
  int compared = 0;
};
RoundTrip compare_round_trip(const ModelWeights& original, const ModelWeights& loaded) {
  RoundTrip result;
  for_each_parameter_pair(original, loaded, [&result](const std::string& name, const auto& x, const auto& y,
                                                      Stored stored) {
    INFO(name);
    REQUIRE(x.rows() == y.rows());
    REQUIRE(x.cols() == y.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const float largest = stored == Stored::fp16 ? 0.0f : group_largest(x, i, j, stored);
        result.worst = std::max(result.worst, std::abs(x(i, j) - y(i, j)) / allowed_error(x(i, j), largest, stored));
        ++result.compared;
      }
  });
  return result;
}

// ---- Byte surgery on a file -----------------------------------------------------------------

using Bytes = std::vector<std::uint8_t>;

std::uint32_t get_u32(const Bytes& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
         static_cast<std::uint32_t>(bytes[at + 2]) << 16 | static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}

void put_u32(Bytes& bytes, std::size_t at, std::uint32_t value) {
  for (int k = 0; k < 4; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(value >> (8 * k));
}

// A valid checksum for whatever the bytes now say: gets an edit past the checksum, so the checks
// behind it are reached.
void restamp(Bytes& bytes) {
  put_u32(bytes, bytes.size() - 4, crc32(bytes.data(), bytes.size() - 4));
}

constexpr std::size_t kHeaderAt = 12;  // after "ATTNLENS" and the version
std::size_t header_field_at(int index) { return kHeaderAt + 4 * static_cast<std::size_t>(index); }

// Where token_embedding's row count is: after the header and the three string lists.
std::size_t parameters_at(const ModelWeights& w) {
  std::size_t at = kHeaderAt + 7 * 4;
  for (const auto* list : {&w.vocabulary, &w.class_names, &w.head_labels}) {
    at += 4;
    for (const std::string& text : *list) at += 4 + text.size();
  }
  return at;
}

std::string message_of(const Bytes& bytes) {
  try {
    parse_weights(bytes.data(), bytes.size());
  } catch (const InvalidInput& error) {
    return error.what();
  }
  return "(parsed)";
}

// True when the bytes parse, false when they are refused with InvalidInput; anything else (another
// exception, a crash) fails the test.
bool parses_or_refuses(const Bytes& bytes) {
  try {
    parse_weights(bytes.data(), bytes.size());
    return true;
  } catch (const InvalidInput&) {
    return false;
  }
}

bool is_nan_half(std::uint16_t h) { return (h & 0x7C00u) == 0x7C00u && (h & 0x3FFu) != 0; }

}  // namespace

// ---- fp16 and CRC-32 ------------------------------------------------------------------------

TEST_CASE("crc32 is the standard CRC-32", "[weights_file]") {
  const char* check = "123456789";
  REQUIRE(crc32(reinterpret_cast<const std::uint8_t*>(check), 9) == 0xCBF43926u);
  REQUIRE(crc32(nullptr, 0) == 0u);
  const std::uint8_t zeros[4] = {0, 0, 0, 0};
  REQUIRE(crc32(zeros, 4) == 0x2144DF1Cu);
}

TEST_CASE("every half survives half → float → half", "[weights_file][fp16]") {
  for (std::uint32_t h = 0; h <= 0xFFFF; ++h) {
    const auto half = static_cast<std::uint16_t>(h);
    const float value = half_to_float(half);
    const std::uint16_t back = float_to_half(value);
    if (is_nan_half(half)) {
      INFO("half 0x" << std::hex << h);
      REQUIRE(std::isnan(value));
      REQUIRE(is_nan_half(back));
      REQUIRE((back & 0x8000u) == (half & 0x8000u));
    } else if (back != half) {
      FAIL("half 0x" << std::hex << h << " → " << value << " → 0x" << back);
    }
  }
}

TEST_CASE("half_to_float gives the values of the IEEE definition", "[weights_file][fp16]") {
  REQUIRE(half_to_float(0x3C00) == 1.0f);
  REQUIRE(half_to_float(0xC000) == -2.0f);
  REQUIRE(half_to_float(0x7BFF) == 65504.0f);
  REQUIRE(half_to_float(0x0400) == std::ldexp(1.0f, -14));  // smallest normal
  REQUIRE(half_to_float(0x0001) == std::ldexp(1.0f, -24));  // smallest subnormal
  REQUIRE(half_to_float(0x03FF) == std::ldexp(1023.0f, -24));
  REQUIRE(half_to_float(0x7C00) == std::numeric_limits<float>::infinity());
  REQUIRE(half_to_float(0xFC00) == -std::numeric_limits<float>::infinity());
  REQUIRE(half_to_float(0x0000) == 0.0f);
  REQUIRE_FALSE(std::signbit(half_to_float(0x0000)));
  REQUIRE(std::signbit(half_to_float(0x8000)));
  REQUIRE(std::isnan(half_to_float(0x7E00)));
  // Every finite half, against value = (−1)^s · 2^(e−15) · (1 + m/1024), or m · 2^−24 when e = 0.
  for (std::uint32_t h = 0; h <= 0xFFFF; ++h) {
    const std::uint32_t e = (h >> 10) & 0x1F, m = h & 0x3FF;
    if (e == 0x1F) continue;
    const double magnitude = e == 0 ? std::ldexp(double(m), -24) : std::ldexp(1.0 + m / 1024.0, int(e) - 15);
    const double expected = (h & 0x8000) ? -magnitude : magnitude;
    if (double(half_to_float(static_cast<std::uint16_t>(h))) != expected) FAIL("half 0x" << std::hex << h);
  }
}

TEST_CASE("float_to_half rounds to nearest, ties to even, and overflows to Inf", "[weights_file][fp16]") {
  SECTION("named values") {
    REQUIRE(float_to_half(1.0f) == 0x3C00);
    REQUIRE(float_to_half(-0.0f) == 0x8000);
    REQUIRE(float_to_half(0.0f) == 0x0000);
    REQUIRE(float_to_half(65504.0f) == 0x7BFF);
    REQUIRE(float_to_half(65519.99f) == 0x7BFF);
    REQUIRE(float_to_half(65520.0f) == 0x7C00);  // the tie goes to the even neighbour, 2^16 = Inf
    REQUIRE(float_to_half(-1e10f) == 0xFC00);
    REQUIRE(float_to_half(std::numeric_limits<float>::max()) == 0x7C00);
    REQUIRE(float_to_half(-std::numeric_limits<float>::infinity()) == 0xFC00);
    REQUIRE(is_nan_half(float_to_half(std::numeric_limits<float>::quiet_NaN())));
    float low_payload_nan;  // a NaN whose payload lies only in the bits fp16 drops
    const std::uint32_t bits = 0x7F800001u;
    std::memcpy(&low_payload_nan, &bits, 4);
    REQUIRE(is_nan_half(float_to_half(low_payload_nan)));
    REQUIRE(float_to_half(1.0f + std::ldexp(1.0f, -11)) == 0x3C00);      // tie → even (1.0)
    REQUIRE(float_to_half(1.0f + 3 * std::ldexp(1.0f, -11)) == 0x3C02);  // tie → even (1 + 2^-9)
    REQUIRE(float_to_half(std::ldexp(1.0f, -24)) == 0x0001);
    REQUIRE(float_to_half(std::ldexp(1.0f, -25)) == 0x0000);             // tie → even (0)
    REQUIRE(float_to_half(-std::ldexp(1.0f, -25)) == 0x8000);
    REQUIRE(float_to_half(std::ldexp(1.5f, -25)) == 0x0001);
    REQUIRE(float_to_half(std::ldexp(3.0f, -25)) == 0x0002);             // 1.5 units: tie → even (2)
    REQUIRE(float_to_half(std::ldexp(1.0f, -14) - std::ldexp(1.0f, -25)) == 0x0400);  // up into the normals
    REQUIRE(float_to_half(std::ldexp(1.0f, -30)) == 0x0000);
    REQUIRE(float_to_half(std::numeric_limits<float>::denorm_min()) == 0x0000);
  }
  SECTION("every midpoint between neighbouring halves, and the floats either side of it") {
    // Halves have 11 significant bits and floats 24, so each midpoint is a float exactly.
    for (std::uint32_t h = 0; h < 0x7BFF; ++h) {
      const float low = half_to_float(static_cast<std::uint16_t>(h));
      const float high = half_to_float(static_cast<std::uint16_t>(h + 1));
      const float middle = (low + high) / 2;
      const std::uint16_t even = (h % 2 == 0) ? static_cast<std::uint16_t>(h) : static_cast<std::uint16_t>(h + 1);
      const float below = std::nextafter(middle, 0.0f), above = std::nextafter(middle, 1e9f);
      if (float_to_half(middle) != even || float_to_half(below) != h || float_to_half(above) != h + 1 ||
          float_to_half(-middle) != (even | 0x8000) || float_to_half(-above) != ((h + 1) | 0x8000))
        FAIL("between halves 0x" << std::hex << h << " and 0x" << h + 1);
    }
  }
}

// ---- The file -------------------------------------------------------------------------------

TEST_CASE("a model survives the weights file within int8 quantisation and fp16 rounding", "[weights_file]") {
  const ModelWeights original = small_weights();
  REQUIRE(find_weights_shape_problem(original).empty());
  const Bytes bytes = serialize_weights(original);
  const ModelWeights loaded = parse_weights(bytes.data(), bytes.size());

  REQUIRE(loaded.config.vocab_size == 7);
  REQUIRE(loaded.config.class_count == 7);
  REQUIRE(loaded.config.d_model == 8);
  REQUIRE(loaded.config.head_count == 2);
  REQUIRE(loaded.config.layer_count == 2);
  REQUIRE(loaded.config.d_ff == 12);
  REQUIRE(loaded.config.max_positions == 10);
  REQUIRE(loaded.vocabulary == original.vocabulary);
  REQUIRE(loaded.class_names == original.class_names);
  REQUIRE(loaded.head_labels == original.head_labels);

  const RoundTrip round_trip = compare_round_trip(original, loaded);
  INFO("largest difference " << round_trip.worst << " of the allowed");
  REQUIRE(round_trip.worst <= 1.0f);
  REQUIRE(round_trip.compared == 947);  // every parameter was there to compare
  REQUIRE(loaded.layers.back().ffn_in.size() == 0);  // the last layer has no feed-forward

  // Loading what was loaded changes nothing: every group's largest value is stored as ±127 · its
  // scale, so saving it again finds the same scale and the same int8 values.
  REQUIRE(serialize_weights(loaded) == bytes);
}

TEST_CASE("int8 groups: all zeros, tiny, huge and lopsided rows and columns", "[weights_file]") {
  ModelWeights original = small_weights(3);
  original.token_embedding.row(2).setZero();                        // scale 0
  original.token_embedding.row(3).setConstant(-0.0f);               // also scale 0; comes back +0
  original.token_embedding.row(4).setConstant(3e-9f);               // largest/127 underflows fp16: scale 2^-24
  original.token_embedding(5, 0) = 1e-3f;                           // scale an fp16 subnormal
  original.token_embedding.row(5).tail(7).setConstant(-2.5e-4f);
  original.position_embedding.row(1).setConstant(127.0f * 65504.0f);  // the largest magnitude int8 · fp16 holds
  original.position_embedding(1, 3) = -1.0f;
  original.layers[1].attention.w_output.col(4).setZero();           // a column scaled by 0
  original.layers[1].attention.w_output.col(5) *= 1e-6f;            // a column far smaller than its neighbours
  original.layers[0].ffn_in.col(0).setConstant(-1.0f);              // −1 → −127 · scale, never −128
  const Bytes bytes = serialize_weights(original);
  const ModelWeights loaded = parse_weights(bytes.data(), bytes.size());

  const RoundTrip round_trip = compare_round_trip(original, loaded);
  INFO("largest difference " << round_trip.worst << " of the allowed");
  REQUIRE(round_trip.worst <= 1.0f);
  REQUIRE(loaded.token_embedding.row(2).isZero(0));
  REQUIRE(loaded.token_embedding.row(3).isZero(0));
  REQUIRE_FALSE(std::signbit(loaded.token_embedding(3, 0)));
  REQUIRE(loaded.token_embedding.row(4).isZero(0));  // 3e-9 is under half the smallest scale, 2^-25
  REQUIRE(loaded.position_embedding(1, 0) == 127.0f * 65504.0f);  // exact: ±127 · the largest fp16
  REQUIRE(loaded.layers[1].attention.w_output.col(4).isZero(0));
  // Loading at all shows −128 was not written (the reader refuses it); all are −127 · scale.
  REQUIRE(loaded.layers[0].ffn_in(0, 0) < 0);
  REQUIRE(loaded.layers[0].ffn_in.col(0).isConstant(loaded.layers[0].ffn_in(0, 0), 0));
}

TEST_CASE("the weights file has the documented layout", "[weights_file]") {
  const ModelWeights w = small_weights();
  const Bytes bytes = serialize_weights(w);
  REQUIRE(std::string(bytes.begin(), bytes.begin() + 8) == "ATTNLENS");
  REQUIRE(get_u32(bytes, 8) == 3);
  const int header[7] = {7, 7, 8, 2, 2, 12, 10};
  for (int i = 0; i < 7; ++i) REQUIRE(get_u32(bytes, header_field_at(i)) == static_cast<std::uint32_t>(header[i]));
  REQUIRE(get_u32(bytes, 40) == 7);                 // vocabulary count
  REQUIRE(get_u32(bytes, 44) == 5);                 // "[unk]"'s length
  REQUIRE(std::string(bytes.begin() + 48, bytes.begin() + 53) == "[unk]");
  const std::size_t at = parameters_at(w);
  REQUIRE(get_u32(bytes, at) == 7);                 // token_embedding rows
  REQUIRE(get_u32(bytes, at + 4) == 8);             // and columns
  // Its 7 row scales: each the smallest fp16 ≥ the row's largest magnitude / 127.
  for (Eigen::Index i = 0; i < 7; ++i) {
    const std::size_t scale_at = at + 8 + 2 * static_cast<std::size_t>(i);
    const float scale = half_to_float(static_cast<std::uint16_t>(bytes[scale_at] | bytes[scale_at + 1] << 8));
    const float largest = w.token_embedding.row(i).cwiseAbs().maxCoeff();
    INFO("row " << i << ": largest " << largest << ", scale " << scale);
    REQUIRE(127.0 * scale >= largest);
    REQUIRE(127.0 * half_to_float(static_cast<std::uint16_t>(float_to_half(scale) - 1)) < largest);
    // Then its int8 values, row-major: q = round(x / scale), so the row's largest is ±127.
    for (Eigen::Index j = 0; j < 8; ++j) {
      const auto q = static_cast<std::int8_t>(bytes[at + 8 + 14 + static_cast<std::size_t>(8 * i + j)]);
      REQUIRE(q == std::lround(w.token_embedding(i, j) / scale));
      if (std::abs(w.token_embedding(i, j)) == largest) REQUIRE(std::abs(q) == 127);
    }
  }
  // 31 parameters (2, then 2 + 3·2 + 1 per layer, 6 more for layer 0's feed-forward, then 5:
  // no classifier matrix, it is the token embedding), 8 bytes of shape each; 947 values: 107 in
  // vectors (fp16, 2 bytes each) and 840 in matrices (int8, 1 byte each) with 101 fp16 scales
  // (7 + 10 embedding rows; the columns of 2 · 2 · 3 W_Q/W_K/W_V, 2 W_O, ffn_in and ffn_out:
  // 24 + 16 + 12 + 8).
  REQUIRE(bytes.size() == at + 31 * 8 + 107 * 2 + 840 + 101 * 2 + 4);
  REQUIRE(bytes.size() == 1702);
  REQUIRE(get_u32(bytes, bytes.size() - 4) == crc32(bytes.data(), bytes.size() - 4));
}

TEST_CASE("the weights file refuses what is not one, with a message", "[weights_file]") {
  const ModelWeights w = small_weights();
  const Bytes valid = serialize_weights(w);

  SECTION("not a weights file") {
    REQUIRE_THAT(message_of({}), Contains("not an Attention Lens weights file") && Contains("is empty"));
    const std::string text = "hello, world, not a model";
    REQUIRE_THAT(message_of(Bytes(text.begin(), text.end())),
                 Contains("not an Attention Lens weights file") && Contains("starts with \"hello, w\""));
    REQUIRE_THAT(message_of({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0}),
                 Contains("starts with the bytes 89 50 4E 47 0D 0A 1A 0A"));
    REQUIRE_THAT(message_of({'A', 'T', 'T', 'N'}), Contains("not an Attention Lens weights file"));
  }
  SECTION("another version") {
    Bytes bytes = valid;
    put_u32(bytes, 8, 7);
    REQUIRE_THAT(message_of(bytes), Contains("version 7; this build reads version 3."));
    put_u32(bytes, 8, 1);  // the fp16 format
    REQUIRE_THAT(message_of(bytes), Contains("format version 1 (fp16 parameters); this build reads version 3") &&
                                        Contains("npm run train"));
    put_u32(bytes, 8, 2);  // the 441-word format with a classifier of its own
    REQUIRE_THAT(message_of(bytes), Contains("format version 2 (a 441-word model with a classifier of its own); "
                                             "this build reads version 3") &&
                                        Contains("npm run train"));
  }
  SECTION("truncated") {
    REQUIRE_THAT(message_of(Bytes(valid.begin(), valid.begin() + 50)),
                 Contains("truncated: 28 bytes are needed for the list of 7 vocabulary entries, but only 6 are left"));
    REQUIRE_THAT(message_of(Bytes(valid.begin(), valid.begin() + 96)),  // inside "river"
                 Contains("truncated: 5 bytes are needed for vocabulary entry 6, but only 2 are left"));
    const std::size_t at = parameters_at(w);
    const Bytes inside_scales(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(at + 20));
    REQUIRE_THAT(message_of(inside_scales),
                 Contains("truncated: 14 bytes are needed for token_embedding's 7 fp16 scales, but only 12 are left"));
    const Bytes inside_values(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(at + 8 + 14 + 20));
    REQUIRE_THAT(message_of(inside_values),
                 Contains("truncated: 56 bytes are needed for token_embedding's 56 int8 values, but only 20 are left"));
    const Bytes without_checksum(valid.begin(), valid.end() - 2);
    REQUIRE_THAT(message_of(without_checksum), Contains("truncated: 4 bytes are needed for the checksum, but only 2 are left"));
    REQUIRE_THAT(message_of(Bytes(valid.begin(), valid.begin() + 10)),
                 Contains("truncated: 4 bytes are needed for the format version, but only 2 are left"));
  }
  SECTION("corrupted") {
    Bytes bytes = valid;
    bytes[bytes.size() / 2] ^= 0x40;
    REQUIRE_THAT(message_of(bytes), Contains("corrupted: checksum mismatch"));
  }
  SECTION("an absurd header is refused before anything is allocated") {
    Bytes bytes = valid;
    put_u32(bytes, header_field_at(0), 2000000);  // vocab_size
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("vocab_size = 2000000; this reader accepts 1 to 1000000"));
    bytes = valid;
    put_u32(bytes, header_field_at(2), 0xFFFFFFFFu);  // d_model
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("d_model = 4294967295; this reader accepts 1 to 4096"));
    bytes = valid;
    put_u32(bytes, header_field_at(3), 3);  // head_count that does not divide d_model = 8
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("head_count = 3 does not divide d_model = 8"));
    // Large but allowed: the 7×4096 matrix the header asks for is not in the 1.8 KB file,
    // which is found out before room is made for it.
    bytes = valid;
    const std::size_t at = parameters_at(w);
    put_u32(bytes, header_field_at(2), 4096);  // d_model
    put_u32(bytes, at + 4, 4096);              // token_embedding is 7×d_model
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("truncated: 28672 bytes are needed for token_embedding's 28672 int8 values"));
  }
  SECTION("lists and shapes that do not match the header") {
    Bytes bytes = valid;
    put_u32(bytes, 40, 6);  // vocabulary count
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("lists 6 vocabulary entries; its header (vocab_size) says 7"));
    bytes = valid;
    const std::size_t at = parameters_at(w);
    put_u32(bytes, at, 6);  // token_embedding rows
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("stores token_embedding as 6×8") && Contains("needs 7×8"));
  }
  SECTION("trailing bytes") {
    Bytes appended = valid;
    appended.insert(appended.end(), {1, 2, 3});
    REQUIRE_THAT(message_of(appended), Contains("3 trailing bytes after its checksum"));
    Bytes inserted = valid;
    inserted.insert(inserted.end() - 4, {0, 0});
    restamp(inserted);
    REQUIRE_THAT(message_of(inserted), Contains("2 trailing bytes between classifier_bias and the checksum"));
  }
  SECTION("contents the model cannot use") {
    Bytes bytes = valid;
    bytes[48 + 1] = 'U';  // "[unk]" → "[Unk]"
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("must start with \"[unk]\""));
    bytes = valid;
    const std::size_t at = parameters_at(w);
    // token_embedding: 8 bytes of shape, 7 row scales (fp16), 56 int8 values; then
    // position_embedding the same with 10 rows; then layer 0's attention_norm gain, 8 fp16 values.
    const std::size_t scales_at = at + 8, values_at = scales_at + 14, gain_at = values_at + 56 + 8 + 20 + 80 + 8;
    bytes[gain_at + 2] = 0x00;  // gain(0, 1) = +Inf
    bytes[gain_at + 3] = 0x7C;
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("layer 0 attention_norm gain has Infinity at row 0, column 1") &&
                                        Contains("every entry must be a finite number"));
    const auto with_scale = [&](std::size_t row, std::uint16_t half) {
      Bytes changed = valid;
      changed[scales_at + 2 * row] = static_cast<std::uint8_t>(half);
      changed[scales_at + 2 * row + 1] = static_cast<std::uint8_t>(half >> 8);
      restamp(changed);
      return message_of(changed);
    };
    REQUIRE_THAT(with_scale(1, 0x7C00), Contains("token_embedding has scale Infinity for row 1; every scale must be a finite number ≥ 0"));
    REQUIRE_THAT(with_scale(2, 0x7E00), Contains("token_embedding has scale NaN for row 2"));
    REQUIRE_THAT(with_scale(3, 0xBC00), Contains("token_embedding has scale -1 for row 3"));
    REQUIRE_THAT(with_scale(4, 0x8000), Contains("token_embedding has scale -0 for row 4"));
    REQUIRE_THAT(with_scale(5, 0x0000), Contains("token_embedding has scale 0 for row 5 but the int8 value") &&
                                            Contains("a row scaled by 0 holds only zeros"));
    bytes = valid;
    bytes[values_at + 8 * 2 + 3] = 0x80;  // token_embedding(2, 3) = −128
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("token_embedding has the int8 value -128 at row 2, column 3; its values lie in -127 to 127"));
    bytes = valid;
    bytes[48 + 5 + 4] = 0xFF;  // the first byte of "the"
    restamp(bytes);
    REQUIRE_THAT(message_of(bytes), Contains("vocabulary entry 1 is not valid UTF-8"));
  }
}

TEST_CASE("serialize_weights refuses what parse_weights would refuse", "[weights_file]") {
  ModelWeights w = small_weights();
  w.layers[1].attention.w_output(3, 4) = 127.0f * 65504.0f;  // the largest int8 · fp16 scale: saved
  REQUIRE_NOTHROW(serialize_weights(w));
  w.layers[1].attention.w_output(3, 4) = -1e7f;
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("layer 1 W_O has -1e+07 at row 3, column 4") &&
                                                Contains("int8 with an fp16 scale holds magnitudes up to 127 · 65504 = 8319008"));
  w = small_weights();
  w.layers[0].ffn_in_bias(2) = 70000.0f;  // a vector: fp16
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("layer 0 ffn_in_bias has 70000 at row 0, column 2") &&
                                                Contains("fp16 holds finite numbers up to ±65504"));
  w = small_weights();
  w.layers[0].ffn_in_bias(2) = std::numeric_limits<float>::quiet_NaN();
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("layer 0 ffn_in_bias has NaN at row 0, column 2"));
  w = small_weights();
  w.layers[1].attention.heads[0].w_value(5, 1) = -std::numeric_limits<float>::infinity();
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("layer 1 head 0 W_V has -Infinity at row 5, column 1") &&
                                                Contains("every value must be a finite number"));
  w = small_weights();
  w.position_embedding = Matrix::Zero(9, 8);
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("Cannot save the weights: position_embedding must be"));
  w = small_weights();
  w.head_labels[1] = "\xC3(";
  REQUIRE_THROWS_WITH(serialize_weights(w), Contains("head_labels entry 1 is not valid UTF-8"));
  w = small_weights();
  w.config.d_model = 8192;
  REQUIRE_THROWS_AS(serialize_weights(w), InvalidInput);
}

// ---- Fuzzing --------------------------------------------------------------------------------

TEST_CASE("random bytes are refused, never crash", "[weights_file][fuzz]") {
  const Bytes valid = serialize_weights(small_weights());
  std::mt19937 generator(7);
  for (int round = 0; round < 3000; ++round) {
    Bytes bytes(generator() % 400);
    for (std::uint8_t& byte : bytes) byte = static_cast<std::uint8_t>(generator());
    // Most rounds keep a valid beginning (signature, version, some of the header), and half of
    // those a valid checksum, so the checks behind each are reached.
    const std::size_t keep = round % 4 == 0 ? 0 : std::min(bytes.size(), std::size_t{12} + generator() % 40);
    std::copy(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(keep), bytes.begin());
    if (round % 2 == 1 && bytes.size() >= 16) restamp(bytes);
    REQUIRE_FALSE(parses_or_refuses(bytes));
  }
}

TEST_CASE("every truncation of a weights file is refused as truncated", "[weights_file][fuzz]") {
  const Bytes valid = serialize_weights(small_weights());
  for (std::size_t size = 0; size < valid.size(); ++size) {
    const Bytes bytes(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(size));
    const std::string message = message_of(bytes);
    INFO("size " << size << ": " << message);
    REQUIRE_THAT(message, Contains(size < 8 ? "not an Attention Lens weights file" : "truncated"));
    // With a checksum that matches what is left, the reader itself must find the end.
    if (size >= 16) {
      Bytes stamped = bytes;
      restamp(stamped);
      REQUIRE_FALSE(parses_or_refuses(stamped));
    }
  }
}

TEST_CASE("every byte flip is caught by the checksum", "[weights_file][fuzz]") {
  const Bytes valid = serialize_weights(small_weights());
  for (std::size_t at = 0; at < valid.size(); ++at)
    for (const std::uint8_t flip : {0x01, 0x80, 0xFF}) {
      Bytes bytes = valid;
      bytes[at] ^= flip;
      const std::string message = message_of(bytes);
      INFO("byte " << at << " ^ " << int(flip) << ": " << message);
      if (at < 8) REQUIRE_THAT(message, Contains("not an Attention Lens weights file"));
      else if (at < 12) REQUIRE_THAT(message, Contains("this build reads version 3"));
      else REQUIRE_THAT(message, Contains("checksum"));

      // Behind a valid checksum the reader must still cope: a refusal, or a model the writer
      // saves again (it accepts what the reader accepted) within the quantisation bound.
      // Bytes that differ only in a string or an fp16 value come back as they were; a changed
      // int8 value or scale may leave a group whose largest value is no longer ±127 · scale,
      // which saving re-scales.
      if (at >= 12 && at < valid.size() - 4) {
        restamp(bytes);
        try {
          const ModelWeights loaded = parse_weights(bytes.data(), bytes.size());
          const Bytes saved = serialize_weights(loaded);
          const ModelWeights reloaded = parse_weights(saved.data(), saved.size());
          REQUIRE(compare_round_trip(loaded, reloaded).worst <= 1.0f);
          REQUIRE(reloaded.vocabulary == loaded.vocabulary);
          REQUIRE(reloaded.class_names == loaded.class_names);
          REQUIRE(reloaded.head_labels == loaded.head_labels);
        } catch (const InvalidInput&) {
        }
      }
    }
}

// ---- find_weights_shape_problem -------------------------------------------------------------

TEST_CASE("find_weights_shape_problem names the parameter and both shapes", "[weights_file]") {
  const ModelWeights valid = small_weights();
  REQUIRE(find_weights_shape_problem(valid).empty());
  const auto problem_after = [&valid](auto change) {
    ModelWeights w = valid;
    change(w);
    return find_weights_shape_problem(w);
  };
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.config.vocab_size = 0; }),
               Contains("vocab_size must be at least 1; it is 0"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.config.class_count = 6; }),
               Contains("class_count must equal vocab_size = 7") && Contains("it is 6"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.config.head_count = 3; }),
               Contains("head_count = 3 does not divide d_model = 8"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.config.max_positions = 0; }),
               Contains("max_positions must be at least 1"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.vocabulary.pop_back(); }),
               Contains("vocabulary must have vocab_size = 7 entries; it has 6"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.vocabulary[0] = "the"; }),
               Contains("must start with \"[unk]\"; its first word is \"the\""));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.class_names.push_back("x"); }),
               Contains("class_names must have class_count = 7 entries; it has 8"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.head_labels.clear(); }),
               Contains("head_labels must have layer_count·head_count = 4 entries; it has 0"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.token_embedding = Matrix::Zero(7, 9); }),
               Contains("token_embedding must be vocab_size×d_model = 7×8; it is 7×9"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers.pop_back(); }),
               Contains("layer_count = 2 layers; it has 1"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[0].attention.heads.pop_back(); }),
               Contains("layer 0 must have head_count = 2 heads; it has 1"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[1].attention.heads[1].w_key = Matrix::Zero(8, 8); }),
               Contains("layer 1 head 1 W_K must be d_model×d_k = 8×4; it is 8×8"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[0].attention.w_output = Matrix::Zero(4, 8); }),
               Contains("layer 0 W_O must be d_model×d_model = 8×8; it is 4×8"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[0].attention_norm.bias = RowVector::Zero(7); }),
               Contains("layer 0 attention_norm bias must be 1×d_model = 1×8; it is 1×7"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[0].ffn_out = Matrix::Zero(8, 12); }),
               Contains("layer 0 ffn_out must be d_ff×d_model = 12×8; it is 8×12"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[0].ffn_in_bias = RowVector(); }),
               Contains("layer 0 ffn_in_bias must be 1×d_ff = 1×12; it is 1×0"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.layers[1].ffn_in = Matrix::Zero(8, 12); }),
               Contains("layer 1 ffn_in must be empty (the last layer has no feed-forward); it is 8×12"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.output_norm.gain = RowVector::Zero(9); }),
               Contains("output_norm gain must be 1×d_model = 1×8; it is 1×9"));
  REQUIRE_THAT(problem_after([](ModelWeights& w) { w.classifier_bias = RowVector::Zero(6); }),
               Contains("classifier_bias must be 1×class_count = 1×7; it is 1×6"));
}
