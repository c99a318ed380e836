// stage.h: the interface every pipeline stage implements.
//
// A stage is built once from its resources (lexicons, models), is const after
// construction and is shared read-only by all threads. annotate() reads the
// annotations earlier stages added to the Document and appends its own.
#ifndef NEWSLEDGER_STAGE_H_
#define NEWSLEDGER_STAGE_H_

#include "newsledger/document.h"

namespace newsledger {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual const char* name() const = 0;
  virtual void annotate(Document& doc) const = 0;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_STAGE_H_
