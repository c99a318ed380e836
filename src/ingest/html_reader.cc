// html_reader.cc: the article in a news page (gumbo, the HTML5 parsing algorithm).
//
// Metadata, first found wins:
//   title     og:title, JSON-LD headline, twitter:title, <title>, the first <h1>
//   outlet    og:site_name, JSON-LD publisher.name, the URL's host
//   published article:published_time, JSON-LD datePublished, itemprop=datePublished,
//             meta pubdate/publishdate/date/dc.date.issued, the first <time datetime>
//             in the article; normalised to YYYY-MM-DD
//   url       og:url, <link rel=canonical>, JSON-LD url / mainEntityOfPage
// JSON-LD is read from every <script type="application/ld+json">, including @graph
// lists; a NewsArticle (or one of its subtypes) is preferred over Article/BlogPosting.
//
// Text: the article root is the element marked itemprop=articleBody, else the
// <article> with the most paragraph text, else <main> / role=main, else <body>. Below
// it, paragraphs come from <p>, <h1>-<h6>, <li>, <blockquote>, <pre>, <dd>, <dt>
// (a <br> also ends a paragraph), joined with "\n"; white space runs become one
// space. Dropped: nav, header, footer, aside, script, style, noscript, form, button,
// iframe, svg, figure, table, template and other non-text elements; anything hidden
// (hidden, aria-hidden, display:none) or with a boilerplate role (navigation, banner,
// contentinfo, complementary, search, dialog); elements whose class or id words name
// ads, sharing, newsletters, related links, comments, cookies or paywalls (unless
// they hold most of the article's text); list items and headings that are mostly
// link text; headings equal to the title; one-line labels such as "Advertisement".
// Text outside any paragraph element is used only when a page has no paragraphs;
// failing that, JSON-LD articleBody.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include <gumbo.h>
#include <rapidjson/document.h>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger::ingest {
namespace {

// Deeper elements are ignored: no real page nests this deep, and it bounds the stack.
constexpr int kMaxDepth = 400;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collapses runs of ASCII white space to one space and trims.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string AttrLower(const GumboNode* node, const char* name) {
  const char* v = Attr(node, name);
  return v ? Lower(v) : std::string();
}

// All text below `node`, scripts included (for <title> and JSON-LD).
void RawText(const GumboNode* node, std::string* out, int depth = 0) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out->append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    RawText(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_IMG: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

// The lower-case name of an element gumbo does not know ("picture", "dialog",
// custom elements such as "amp-ad").
std::string UnknownTagName(const GumboNode* node) {
  GumboStringPiece piece = node->v.element.original_tag;
  if (!piece.data || piece.length == 0) return "";
  gumbo_tag_from_original_text(&piece);
  return Lower(std::string_view(piece.data, piece.length));
}

bool IsBoilerplateWord(std::string_view w);

// Unknown elements that hold no article text: media, dialogs, ad and embed widgets.
bool IsSkippedUnknown(const GumboNode* node) {
  std::string name = UnknownTagName(node);
  if (name == "picture" || name == "dialog" || name == "amp-img" || name == "amp-iframe" || name == "amp-embed")
    return true;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find('-', i);
    if (j == std::string::npos) j = name.size();
    if (IsBoilerplateWord(std::string_view(name).substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

// Elements whose text forms one paragraph.
bool IsParagraphTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Inline elements continue the current paragraph; every other element ends it.
bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_I: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_FONT: case GUMBO_TAG_INS: case GUMBO_TAG_DEL: case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Class/id words of page furniture. Words are split on space, '-', '_' and ':'.
bool IsBoilerplateWord(std::string_view w) {
  static constexpr const char* kWords[] = {
      "ad", "ads", "adslot", "adunit", "advert", "adverts", "advertisement", "advertising", "sponsor",
      "sponsored", "promo", "promoted", "promotion", "related", "newsletter", "newsletters", "share",
      "sharing", "sharebar", "social", "comments", "comment", "cookie", "cookies", "consent", "paywall",
      "subscribe", "subscription", "outbrain", "taboola", "breadcrumb", "breadcrumbs", "sidebar", "popup",
      "modal", "recirc", "trending", "nav", "navbar", "navigation", "menu", "footer", "masthead",
      "byline", "gpt", "dfp", "signup", "toolbar", "skip", "banner", "widget", "caption", "credits",
      "tweet", "instagram", "tiktok", "embed", "print", "disclaimer",
  };
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

bool HasBoilerplateName(const GumboNode* node) {
  for (const char* attr : {"class", "id"}) {
    std::string v = AttrLower(node, attr);
    size_t i = 0;
    while (i < v.size()) {
      size_t j = v.find_first_of(" \t\n-_:", i);
      if (j == std::string::npos) j = v.size();
      if (j > i && IsBoilerplateWord(std::string_view(v).substr(i, j - i))) return true;
      i = j + 1;
    }
  }
  return false;
}

// Hidden, or a landmark that is not the article.
bool IsHiddenOrLandmark(const GumboNode* node) {
  if (Attr(node, "hidden")) return true;
  if (AttrLower(node, "aria-hidden") == "true") return true;
  std::string style = AttrLower(node, "style");
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
    return true;
  std::string role = AttrLower(node, "role");
  for (const char* r : {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"})
    if (role == r) return true;
  return false;
}

bool IsLabel(std::string_view para) {
  std::string l = Lower(para);
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  for (const char* k : {"advertisement", "ad", "sponsored", "sponsored content", "related", "related stories",
                        "related articles", "read more", "more on this story", "share", "share this article",
                        "share this story", "most read", "most popular", "subscribe", "sign up",
                        "skip to content", "skip to main content", "continue reading", "listen to this article"})
    if (l == k) return true;
  return false;
}

// Paragraph text below an element, for choosing the root and for keeping boilerplate-
// named wrappers that hold most of the article. Computed once per page.
class TextSizes {
 public:
  explicit TextSizes(const GumboNode* root) { Measure(root, false, 0); }
  size_t of(const GumboNode* node) const {
    auto it = sizes_.find(node);
    return it == sizes_.end() ? 0 : it->second;
  }

 private:
  size_t Measure(const GumboNode* node, bool in_paragraph, int depth) {
    if (node->type == GUMBO_NODE_TEXT) return in_paragraph ? std::strlen(node->v.text.text) : 0;
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return 0;
    GumboTag tag = node->v.element.tag;
    if (IsSkippedTag(tag) || (tag == GUMBO_TAG_UNKNOWN && IsSkippedUnknown(node))) return 0;
    bool inner = in_paragraph || tag == GUMBO_TAG_P;
    size_t total = 0;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      total += Measure(static_cast<const GumboNode*>(children.data[i]), inner, depth + 1);
    if (total) sizes_[node] = total;
    return total;
  }
  std::unordered_map<const GumboNode*, size_t> sizes_;
};

// Walks the article root and collects paragraphs.
class TextCollector {
 public:
  TextCollector(const TextSizes& sizes, size_t root_size, const std::string& title)
      : sizes_(sizes), root_size_(root_size), title_(Lower(title)) {}

  void Walk(const GumboNode* node, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      std::string_view t = node->v.text.text;
      cur_.append(t);
      if (link_depth_) link_chars_ += t.size();
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
    GumboTag tag = node->v.element.tag;
    if (IsSkippedTag(tag) || IsHiddenOrLandmark(node)) return;
    if (tag == GUMBO_TAG_UNKNOWN && IsSkippedUnknown(node)) return;
    if (HasBoilerplateName(node) && sizes_.of(node) * 2 <= root_size_) return;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      Flush();
      return;
    }
    const GumboVector& children = node->v.element.children;
    if (IsInline(tag)) {
      if (tag == GUMBO_TAG_A) ++link_depth_;
      for (unsigned i = 0; i < children.length; ++i) Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
      if (tag == GUMBO_TAG_A) --link_depth_;
      return;
    }
    Flush();
    bool paragraph = IsParagraphTag(tag);
    GumboTag saved = block_tag_;
    if (paragraph) {
      ++paragraph_depth_;
      block_tag_ = tag;
    }
    for (unsigned i = 0; i < children.length; ++i) Walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    Flush();
    if (paragraph) {
      --paragraph_depth_;
      block_tag_ = saved;
    }
  }

  // Paragraphs joined with "\n"; loose text only when there are no paragraphs.
  std::string Text() {
    Flush();
    const std::vector<std::string>& parts = paragraphs_.empty() ? loose_ : paragraphs_;
    std::string out;
    for (const std::string& p : parts) {
      if (!out.empty()) out.push_back('\n');
      out.append(p);
    }
    return out;
  }

  const std::string& first_h1() const { return first_h1_; }

 private:
  void Flush() {
    if (cur_.empty()) return;
    std::string text = Collapse(cur_);
    size_t total = cur_.size(), links = link_chars_;
    cur_.clear();
    link_chars_ = 0;
    if (text.empty() || IsLabel(text)) return;
    if (paragraph_depth_ == 0) {
      loose_.push_back(std::move(text));
      return;
    }
    bool heading = IsHeading(block_tag_);
    if (heading && block_tag_ == GUMBO_TAG_H1 && first_h1_.empty()) first_h1_ = text;
    if (heading && !title_.empty() && Lower(text) == title_) return;
    // Lists of links and linked headings are navigation or teasers; a paragraph that
    // is only a link is a teaser too.
    double share = total ? static_cast<double>(links) / static_cast<double>(total) : 0;
    if ((block_tag_ == GUMBO_TAG_LI || heading) && share > 0.6) return;
    if (share > 0.9) return;
    paragraphs_.push_back(std::move(text));
  }

  const TextSizes& sizes_;
  size_t root_size_;
  std::string title_;
  std::string cur_;
  size_t link_chars_ = 0;
  int link_depth_ = 0;
  int paragraph_depth_ = 0;
  GumboTag block_tag_ = GUMBO_TAG_UNKNOWN;
  std::vector<std::string> paragraphs_, loose_;
  std::string first_h1_;
};

// Metadata gathered in one pass over the whole page.
struct PageMeta {
  std::string og_title, og_site, og_url, og_published, twitter_title, title_tag, canonical;
  std::string item_published, meta_published;
  std::vector<std::string> json_ld;
  const GumboNode* body = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* article_body = nullptr;
  std::vector<const GumboNode*> articles;
};

void SetOnce(std::string* field, const char* value) {
  if (field->empty() && value) *field = Collapse(value);
}

void Gather(const GumboNode* node, PageMeta& meta, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_META: {
      std::string key = AttrLower(node, "property");
      if (key.empty()) key = AttrLower(node, "name");
      const char* content = Attr(node, "content");
      if (key == "og:title") SetOnce(&meta.og_title, content);
      else if (key == "og:site_name") SetOnce(&meta.og_site, content);
      else if (key == "og:url") SetOnce(&meta.og_url, content);
      else if (key == "article:published_time") SetOnce(&meta.og_published, content);
      else if (key == "twitter:title") SetOnce(&meta.twitter_title, content);
      else if (key == "pubdate" || key == "publishdate" || key == "publish-date" || key == "date" ||
               key == "dc.date.issued" || key == "dc.date" || key == "dcterms.created" ||
               key == "parsely-pub-date" || key == "sailthru.date")
        SetOnce(&meta.meta_published, content);
      if (AttrLower(node, "itemprop") == "datepublished") SetOnce(&meta.item_published, content);
      break;
    }
    case GUMBO_TAG_LINK:
      if (AttrLower(node, "rel") == "canonical") SetOnce(&meta.canonical, Attr(node, "href"));
      break;
    case GUMBO_TAG_TITLE:
      if (meta.title_tag.empty()) {
        std::string t;
        RawText(node, &t);
        meta.title_tag = Collapse(t);
      }
      break;
    case GUMBO_TAG_SCRIPT:
      if (AttrLower(node, "type") == "application/ld+json") {
        std::string t;
        RawText(node, &t);
        meta.json_ld.push_back(std::move(t));
      }
      return;
    case GUMBO_TAG_TIME:
      if (AttrLower(node, "itemprop") == "datepublished") SetOnce(&meta.item_published, Attr(node, "datetime"));
      break;
    case GUMBO_TAG_BODY: if (!meta.body) meta.body = node; break;
    case GUMBO_TAG_MAIN: if (!meta.main) meta.main = node; break;
    case GUMBO_TAG_ARTICLE: meta.articles.push_back(node); break;
    default: break;
  }
  if (!meta.main && AttrLower(node, "role") == "main") meta.main = node;
  if (!meta.article_body && AttrLower(node, "itemprop") == "articlebody") meta.article_body = node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) Gather(static_cast<const GumboNode*>(children.data[i]), meta, depth + 1);
}

// What JSON-LD says about the article.
struct JsonLdArticle {
  int rank = 0;  // 2: NewsArticle or subtype, 1: Article / BlogPosting, 0: none
  std::string headline, published, publisher, url, body;
};

int ArticleRank(const rapidjson::Value& type) {
  auto rank_of = [](std::string_view t) {
    if (t.size() >= 11 && t.substr(t.size() - 11) == "NewsArticle") return 2;
    if (t == "Article" || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report") return 1;
    return 0;
  };
  if (type.IsString()) return rank_of({type.GetString(), type.GetStringLength()});
  int best = 0;
  if (type.IsArray())
    for (const auto& t : type.GetArray())
      if (t.IsString()) best = std::max(best, rank_of({t.GetString(), t.GetStringLength()}));
  return best;
}

std::string StringMember(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return "";
  const rapidjson::Value* v = &it->value;
  if (v->IsArray() && !v->Empty()) v = &(*v)[0];
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsObject()) {
    for (const char* key : {"name", "@id", "url"}) {
      auto inner = v->FindMember(key);
      if (inner != v->MemberEnd() && inner->value.IsString())
        return std::string(inner->value.GetString(), inner->value.GetStringLength());
    }
  }
  return "";
}

void FindJsonLdArticle(const rapidjson::Value& v, JsonLdArticle* best, int depth) {
  if (depth > 16) return;
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) FindJsonLdArticle(item, best, depth + 1);
    return;
  }
  if (!v.IsObject()) return;
  auto type = v.FindMember("@type");
  int rank = type == v.MemberEnd() ? 0 : ArticleRank(type->value);
  if (rank > best->rank) {
    best->rank = rank;
    best->headline = Collapse(StringMember(v, "headline"));
    best->published = StringMember(v, "datePublished");
    best->publisher = Collapse(StringMember(v, "publisher"));
    best->url = StringMember(v, "url");
    if (best->url.empty()) best->url = StringMember(v, "mainEntityOfPage");
    best->body = StringMember(v, "articleBody");
  }
  auto graph = v.FindMember("@graph");
  if (graph != v.MemberEnd()) FindJsonLdArticle(graph->value, best, depth + 1);
}

const std::string& First(std::initializer_list<const std::string*> options) {
  for (const std::string* s : options)
    if (!s->empty()) return *s;
  return **options.begin();
}

std::string DeclaredCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  at += 8;
  while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
  size_t end = head.find_first_of("\"'; >/\t\r\n", at);
  return head.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

HtmlArticle ExtractHtmlArticle(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse-error list is not used; do not build it
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  struct OutputDeleter {
    GumboOptions* options;
    GumboOutput* output;
    ~OutputDeleter() { gumbo_destroy_output(options, output); }
  } deleter{&options, output};

  PageMeta meta;
  Gather(output->root, meta, 0);
  JsonLdArticle ld;
  for (const std::string& script : meta.json_ld) {
    rapidjson::Document json;
    json.Parse<rapidjson::kParseIterativeFlag>(script.data(), script.size());
    if (!json.HasParseError()) FindJsonLdArticle(json, &ld, 0);
  }

  HtmlArticle art;
  art.url = First({&meta.og_url, &meta.canonical, &ld.url});
  art.outlet = First({&meta.og_site, &ld.publisher});
  if (art.outlet.empty()) art.outlet = HostOfUrl(art.url);
  art.title = First({&meta.og_title, &ld.headline, &meta.twitter_title, &meta.title_tag});
  // "Headline | Outlet" -> "Headline".
  for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    std::string suffix = sep + art.outlet;
    if (!art.outlet.empty() && art.title.size() > suffix.size() &&
        art.title.compare(art.title.size() - suffix.size(), suffix.size(), suffix) == 0)
      art.title.resize(art.title.size() - suffix.size());
  }

  // The article root.
  const GumboNode* root = meta.body ? meta.body : output->root;
  TextSizes sizes(output->root);
  const GumboNode* best_article = nullptr;
  for (const GumboNode* a : meta.articles)
    if (!best_article || sizes.of(a) > sizes.of(best_article)) best_article = a;
  if (meta.article_body && sizes.of(meta.article_body)) root = meta.article_body;
  else if (best_article && sizes.of(best_article)) root = best_article;
  else if (meta.main && sizes.of(meta.main)) root = meta.main;

  TextCollector collector(sizes, sizes.of(root), art.title);
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) collector.Walk(static_cast<const GumboNode*>(children.data[i]), 1);
  art.text = collector.Text();
  if (art.text.empty() && !ld.body.empty()) art.text = ld.body;
  if (art.title.empty()) art.title = collector.first_h1();

  std::string time_in_root;
  if (meta.og_published.empty() && ld.published.empty() && meta.item_published.empty() &&
      meta.meta_published.empty()) {
    // The first <time datetime> of the article root.
    std::vector<std::pair<const GumboNode*, int>> stack{{root, 0}};
    while (!stack.empty() && time_in_root.empty()) {
      auto [node, depth] = stack.back();
      stack.pop_back();
      if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) continue;
      if (node->v.element.tag == GUMBO_TAG_TIME && Attr(node, "datetime")) time_in_root = Attr(node, "datetime");
      const GumboVector& kids = node->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), depth + 1});
    }
  }
  art.raw_published = First({&meta.og_published, &ld.published, &meta.item_published, &meta.meta_published,
                             &time_in_root});
  art.published = NormalizeDate(art.raw_published);
  return art;
}

std::string DecodeHtmlBytes(std::string_view raw, std::string_view charset_hint, std::string* converted,
                            std::string_view* utf8) {
  size_t bad = FindInvalidUtf8(raw);
  if (bad == std::string_view::npos) {
    *utf8 = raw;
    return "";
  }
  std::string charset = charset_hint.empty() ? DeclaredCharset(raw) : Lower(charset_hint);
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1" || charset == "windows-1252" ||
      charset == "cp1252" || charset == "iso-8859-15" || charset == "us-ascii" || charset == "ascii") {
    *converted = Windows1252ToUtf8(raw);
    *utf8 = *converted;
    return "";
  }
  if (!charset.empty() && charset != "utf-8" && charset != "utf8")
    return "unsupported charset " + charset + " (invalid UTF-8 at byte " + std::to_string(bad) + ")";
  return "invalid UTF-8 at byte " + std::to_string(bad);
}

void DeliverHtml(std::string_view raw, std::string_view charset_hint, const std::string& where, std::string id,
                 std::string url, ReadContext& ctx) {
  constexpr size_t kMaxPageBytes = size_t{256} << 20;  // gumbo counts in 32 bits; no page is this big
  if (raw.size() > kMaxPageBytes) {
    ctx.Skip(where, "HTML page too large (" + std::to_string(raw.size()) + " bytes; the limit is " +
                        std::to_string(kMaxPageBytes) + ")");
    return;
  }
  std::string converted;
  std::string_view html;
  if (std::string error = DecodeHtmlBytes(raw, charset_hint, &converted, &html); !error.empty()) {
    // In an archive the offset counts from the start of the HTTP body.
    ctx.Skip(where, url.empty() ? error : error + " of the page");
    return;
  }
  html = StripBom(html);
  HtmlArticle art = ExtractHtmlArticle(html);
  if (art.text.empty()) {
    ctx.Skip(where, "no article text found in the HTML");
    return;
  }
  if (art.text.size() > kMaxDocumentBytes) {
    ctx.Skip(where, "document too large");
    return;
  }
  Document doc;
  doc.origin = where;
  doc.id = std::move(id);
  doc.url = url.empty() ? std::move(art.url) : std::move(url);
  if (doc.outlet.empty()) doc.outlet = std::move(art.outlet);
  if (doc.outlet.empty()) doc.outlet = HostOfUrl(doc.url);
  doc.title = std::move(art.title);
  doc.published = std::move(art.published);
  doc.text = std::move(art.text);
  if (doc.published.empty() && !art.raw_published.empty())
    ctx.Warn(where, "unrecognised publication date '" + art.raw_published + "' (left empty)");
  ctx.Deliver(std::move(doc));
}

void ReadHtml(std::string_view content, const std::string& path, ReadContext& ctx) {
  DeliverHtml(content, "", path, path == "<stdin>" ? "stdin" : FileStem(path), "", ctx);
}

}  // namespace newsledger::ingest
