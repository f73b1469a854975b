// The vectorisable exponential behind softmax, against std::exp.
#include "exp_kernel.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace attention_lens;

TEST_CASE("exp_shifted_in_place matches std::exp to a few ulp over softmax's whole range", "[softmax]") {
  std::vector<float> x;
  for (float v = -87.0f; v <= 0.0f; v += 0.0137f) x.push_back(v);
  x.push_back(0.0f);
  std::vector<float> e = x;
  exp_shifted_in_place(e.data(), static_cast<Eigen::Index>(e.size()), 0.0f);
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double exact = std::exp(static_cast<double>(x[i]));
    worst = std::max(worst, std::abs(e[i] - exact) / exact);
  }
  INFO("largest relative error " << worst);
  REQUIRE(worst < 4e-7);  // float32 epsilon is 1.19e-7
  REQUIRE(e.back() == 1.0f);  // e^0, the row maximum's weight before normalising, is exact
}

TEST_CASE("exp_shifted_in_place subtracts the shift and maps −∞ to a tiny non-negative number", "[softmax]") {
  std::vector<float> x = {10.0f, 9.0f, -std::numeric_limits<float>::infinity(), -1000.0f};
  exp_shifted_in_place(x.data(), 4, 10.0f);
  REQUIRE(x[0] == 1.0f);
  REQUIRE(x[1] == Approx(std::exp(-1.0)).epsilon(1e-6));
  REQUIRE(x[2] >= 0.0f);
  REQUIRE(x[2] < 1e-37f);
  REQUIRE(x[3] < 1e-37f);
}
