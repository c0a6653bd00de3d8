#include "corium/domain/code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corium {
namespace {

TEST(Code, EqualCodesHaveEqualHashesAndTheHashOfTheirText) {
  const Code a("active_acne");
  const Code b(std::string("active_") + "acne");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_EQ(CodeHash{}(a), CodeHash{}(std::string_view("active_acne")));
  EXPECT_NE(a, Code("active_acnf"));
  EXPECT_EQ(a, std::string_view("active_acne"));
}

TEST(Code, OrdersByTextAlone) {
  // The order of sets and maps of codes (and so of decisions' lists) is alphabetical, whatever
  // the hashes are.
  const std::vector<std::string> words = {"zygoma", "cheeks", "chin", "forehead", "cheek", ""};
  std::set<Code> codes;
  for (const std::string& word : words) codes.insert(Code(word));
  std::vector<std::string> ordered;
  for (const Code& code : codes) ordered.push_back(code.str());
  EXPECT_EQ(ordered,
            (std::vector<std::string>{"", "cheek", "cheeks", "chin", "forehead", "zygoma"}));
  EXPECT_LT(Code("cheek"), Code("cheeks"));
}

TEST(Code, AMovedFromCodeIsTheEmptyCode) {
  Code source("isotretinoin");
  const Code moved(std::move(source));
  EXPECT_EQ(moved, Code("isotretinoin"));
  EXPECT_EQ(source, Code());  // NOLINT(bugprone-use-after-move): the state is what is tested
  EXPECT_EQ(source.hash(), Code().hash());

  Code target("waxing");
  Code other("microneedling");
  target = std::move(other);
  EXPECT_EQ(target, Code("microneedling"));
  EXPECT_EQ(other, Code(""));  // NOLINT(bugprone-use-after-move)
}

TEST(Code, ASetOfCodesAnswersForCodesAndForText) {
  const CodeSet set = {Code("pen"), Code("roller"), Code("stamp")};
  EXPECT_EQ(set.count(Code("roller")), 1U);
  EXPECT_EQ(set.count(std::string_view("stamp")), 1U);
  EXPECT_EQ(set.count(Code("rf_pen")), 0U);
  EXPECT_EQ(set.count(Code()), 0U);
}

}  // namespace
}  // namespace corium
