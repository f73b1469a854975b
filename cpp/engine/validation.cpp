#include "validation.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace attention_lens {

namespace {
// The exact decimal digits of a finite float's magnitude, m·2^e: "digits" times 10^exponent.
// Every float is a whole number times a power of two, so its decimal expansion ends: m·2^e for
// e ≥ 0, and m·5^-e digits shifted e places for e < 0 (at most 112 digits).
struct ExactDecimal {
  std::string digits;  // no leading zeros; "0" for zero
  int exponent = 0;
};

ExactDecimal exact_decimal(float magnitude) {
  std::uint32_t bits;
  std::memcpy(&bits, &magnitude, sizeof bits);
  const int biased = static_cast<int>((bits >> 23) & 0xFF);
  const std::uint32_t fraction = bits & 0x7FFFFF;
  std::uint32_t mantissa = biased == 0 ? fraction : fraction | 0x800000;
  int power_of_two = biased == 0 ? -149 : biased - 150;
  if (mantissa == 0) return {"0", 0};
  // A big whole number in base 10^9, least significant limb first.
  std::vector<std::uint32_t> limbs{mantissa};
  const auto multiply = [&limbs](std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (std::uint32_t& limb : limbs) {
      const std::uint64_t product = std::uint64_t{limb} * factor + carry;
      limb = static_cast<std::uint32_t>(product % 1000000000u);
      carry = product / 1000000000u;
    }
    if (carry > 0) limbs.push_back(static_cast<std::uint32_t>(carry));
  };
  ExactDecimal result;
  for (; power_of_two > 0; --power_of_two) multiply(2);
  for (; power_of_two < 0; ++power_of_two) {
    multiply(5);
    --result.exponent;
  }
  result.digits = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string limb = std::to_string(limbs[i]);
    result.digits += std::string(9 - limb.size(), '0') + limb;
  }
  return result;
}
}  // namespace

// printf's "%g" (six significant digits, rounded half to even on the exact value as printf
// rounds it; exponent form below 1e-4 and from 1e6), written out by hand: printf's float
// formatting was a fifteenth of the module's download for the numbers in a few error messages.
std::string number_text(float value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  constexpr int kSignificant = 6;
  const ExactDecimal exact = exact_decimal(std::fabs(value));
  std::string digits = exact.digits;
  int leading = static_cast<int>(digits.size()) - 1 + exact.exponent;  // the first digit's power of ten
  if (digits.size() > kSignificant) {
    const std::string rest = digits.substr(kSignificant);
    const bool above_half = rest[0] > '5' || (rest[0] == '5' && rest.find_first_not_of('0', 1) != std::string::npos);
    const bool half = rest[0] == '5' && !above_half;
    digits.resize(kSignificant);
    if (above_half || (half && (digits.back() - '0') % 2 == 1)) {
      int i = kSignificant - 1;
      for (; i >= 0 && digits[i] == '9'; --i) digits[i] = '0';
      if (i >= 0) {
        ++digits[i];
      } else {  // 999999.5 -> 1000000: one digit more, kept to six
        digits = "1" + digits.substr(0, kSignificant - 1);
        ++leading;
      }
    }
  }
  digits.resize(kSignificant, '0');
  const auto without_trailing_zeros = [](std::string text) {
    const std::size_t point = text.find('.');
    if (point == std::string::npos) return text;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  };
  std::string text;
  if (leading < -4 || leading >= kSignificant) {
    const int power = leading < 0 ? -leading : leading;
    text = without_trailing_zeros(digits.substr(0, 1) + "." + digits.substr(1)) + (leading < 0 ? "e-" : "e+") +
           (power < 10 ? "0" : "") + std::to_string(power);
  } else if (leading >= 0) {
    text = without_trailing_zeros(digits.substr(0, leading + 1) + "." + digits.substr(leading + 1));
  } else {
    text = without_trailing_zeros("0." + std::string(-leading - 1, '0') + digits);
  }
  return (std::signbit(value) ? "-" : "") + text;
}

bool all_finite(const MatrixRef& matrix) {
  return (matrix.array() * 0.0f).sum() == 0.0f;
}

std::string find_matrix_problem(const std::string& name, const MatrixRef& matrix) {
  if (matrix.rows() == 0 || matrix.cols() == 0)
    return name + " is empty (" + shape_text(matrix.rows(), matrix.cols()) +
           "); it needs at least one row and one column.";
  if (all_finite(matrix)) return {};
  for (Eigen::Index i = 0; i < matrix.rows(); ++i)  // find where, for the message
    for (Eigen::Index j = 0; j < matrix.cols(); ++j)
      if (!std::isfinite(matrix(i, j)))
        return name + " has " + number_text(matrix(i, j)) + " at row " + std::to_string(i) +
               ", column " + std::to_string(j) + "; every entry must be a finite number.";
  return {};
}

std::string find_shape_problem(const std::string& name, const MatrixRef& matrix,
                               Eigen::Index rows, Eigen::Index cols) {
  if (matrix.rows() != rows || matrix.cols() != cols)
    return name + " must be " + shape_text(rows, cols) + "; it is " +
           shape_text(matrix.rows(), matrix.cols()) + ".";
  return find_matrix_problem(name, matrix);
}

}  // namespace attention_lens
