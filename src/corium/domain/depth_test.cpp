#include "corium/domain/depth.h"

#include <gtest/gtest.h>

#include <limits>

namespace corium {
namespace {

TEST(Depth, HoldsMillimetresExactlyAsMicrometres) {
  EXPECT_EQ(Depth::FromMillimetres(0.25)->micrometres(), 250);
  EXPECT_EQ(*Depth::FromMillimetres(0.1 + 0.2), *Depth::FromMillimetres(0.3));
}

TEST(Depth, RejectsNegativeNonFiniteAndAbsurdValues) {
  EXPECT_FALSE(Depth::FromMillimetres(-0.01));
  EXPECT_FALSE(Depth::FromMillimetres(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(Depth::FromMillimetres(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(Depth::FromMillimetres(1000.0));
}

TEST(Depth, PrintsAtLeastOneDecimal) {
  EXPECT_EQ(Depth::FromMillimetres(1.0)->ToString(), "1.0");
  EXPECT_EQ(Depth::FromMillimetres(0.25)->ToString(), "0.25");
  EXPECT_EQ(Depth::FromMillimetres(1.5)->ToString(), "1.5");
  EXPECT_EQ(Depth::FromMillimetres(0)->ToString(), "0.0");
}

}  // namespace
}  // namespace corium
