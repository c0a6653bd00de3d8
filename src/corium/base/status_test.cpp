#include "corium/base/status.h"

#include <gtest/gtest.h>

#include "corium/base/result.h"

namespace corium {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument("odd");
  return n / 2;
}

Result<int> Quarter(int n) {
  CORIUM_ASSIGN_OR_RETURN(const int half, Half(n));
  return Half(half);
}

TEST(Status, OkByDefault) {
  EXPECT_TRUE(Status().ok());
  EXPECT_EQ(Status().ToString(), "ok");
}

TEST(Status, InvalidFieldsKeepsEveryPath) {
  const Status s = Status::InvalidFields({{"a.b", "bad"}, {"c[0]", "worse"}});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(s.field_errors().size(), 2u);
  EXPECT_EQ(s.field_errors()[1].path, "c[0]");
  EXPECT_NE(s.ToString().find("a.b: bad"), std::string::npos);
}

TEST(Status, AlreadyExistsAtNamesItsField) {
  const Status s = Status::AlreadyExistsAt({"cartridge_id", "already used"});
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  ASSERT_EQ(s.field_errors().size(), 1u);
  EXPECT_EQ(s.field_errors()[0].path, "cartridge_id");
  EXPECT_NE(s.message().find("cartridge_id"), std::string::npos);
}

TEST(Result, PropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_FALSE(Quarter(6).ok());
  EXPECT_EQ(Quarter(6).status().message(), "odd");
}

}  // namespace
}  // namespace corium
