#include "corium/kb/messages_builder.h"

#include <string>

#include "corium/kb/node_reader.h"

namespace corium::kb {

void BuildMessages(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                   References& refs) {
  const NodeReader root(doc, doc.root, "", problems);
  for (const NodeReader& item : root.Items("messages")) {
    MessageTemplate message;
    message.id = item.String("id");
    message.kind = item.String("kind");
    message.purposes = item.Strings("purposes");
    message.from = item.String("from") == "end" ? MessageAnchor::kEnd : MessageAnchor::kStart;
    message.offset_hours = item.OptionalInt("offset_hours").value_or(0);
    message.subject = item.String("subject");
    message.body = item.String("body");
    refs.Define("messages", message.id, doc, item.pointer());
    const auto sources = item.Strings("sources");
    for (size_t i = 0; i < sources.size(); ++i) {
      refs.Use("sources", sources[i], doc, item.pointer() + "/sources/" + std::to_string(i));
    }
    kb.messages.push_back(std::move(message));
  }
}

}  // namespace corium::kb
