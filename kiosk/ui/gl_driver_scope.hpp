#pragma once
// Marks calls into the OpenGL driver (Mesa llvmpipe under Xvfb) and GLFW.
// Mesa keeps driver allocations until exit and is unloaded before
// LeakSanitizer looks, so its leaks show with no module name and cannot be
// suppressed by library in config/lsan.supp. Allocations made on this
// thread inside the scope are not reported; our own code stays checked.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
namespace lpse::ui {
struct GlDriverScope {
  GlDriverScope() { __lsan_disable(); }
  ~GlDriverScope() { __lsan_enable(); }
  GlDriverScope(const GlDriverScope&) = delete;
  GlDriverScope& operator=(const GlDriverScope&) = delete;
};
}  // namespace lpse::ui
#else
namespace lpse::ui {
struct GlDriverScope {
  GlDriverScope() {}  // user-provided: a scope variable is not "unused"
};
}  // namespace lpse::ui
#endif
