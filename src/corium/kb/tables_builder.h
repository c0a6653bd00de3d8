// Builds the knowledge base's tables (vocabulary, zones, indications, jurisdictions, and the ids of
// sources and consent items) from their documents. Problems and references are collected, not
// thrown; see loader.h for the whole load.
#pragma once

#include "corium/kb/knowledge_base.h"
#include "corium/kb/problems.h"
#include "corium/kb/references.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

void BuildVocabulary(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                     References& refs);
void BuildZones(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs);
void BuildIndications(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                      References& refs);
void BuildJurisdictions(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                        References& refs);
void BuildAftercare(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                    References& refs);
// sources.yaml, consent.yaml, conflicts.yaml, devices.yaml: ids defined and sources cited.
void CollectDescriptive(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                        References& refs);

}  // namespace corium::kb
