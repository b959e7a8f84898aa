#include "kiosk/ui/window_app.hpp"

#include "kiosk/ui/gl_driver_scope.hpp"

#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screenshot.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"

namespace lpse::ui {
namespace {

constexpr double kIdleWaitSeconds = 0.25;  // clocks still tick; CPU stays near zero
constexpr double kFramePeriod = 1.0 / 60;  // cap while busy: Xvfb swaps do not throttle
constexpr int kBurstFrames = 3;            // ImGui needs press, release, then the result
constexpr int kSettledFramesForShot = 3;

std::string g_lastGlfwError;
bool g_creating = false;
volatile std::sig_atomic_t g_stopSignal = 0;

void onGlfwError(int code, const char* text) {
  g_lastGlfwError = std::string(text ? text : "") + " (GLFW error " + std::to_string(code) + ")";
  if (!g_creating) std::fprintf(stderr, "lpse-ui: %s\n", g_lastGlfwError.c_str());
}

void onStopSignal(int) { g_stopSignal = 1; }

// Installs SIGINT/SIGTERM handlers for the duration of run(), so systemd's
// stop and Ctrl-C leave through the normal shutdown path.
class StopSignals {
 public:
  StopSignals() {
    g_stopSignal = 0;
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &m_oldInt);
    sigaction(SIGTERM, &sa, &m_oldTerm);
  }
  ~StopSignals() {
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
  }

 private:
  struct sigaction m_oldInt {
  }, m_oldTerm{};
};

// Identity of a frame's pixels: if the draw lists are byte-identical to the
// previous frame's, rendering again would only burn CPU (llvmpipe renders
// in software), so the loop skips the render and the swap.
std::uint64_t hashDrawData(const ImDrawData* dd, int fbW, int fbH) {
  std::uint64_t h = 1469598103934665603ull ^ (static_cast<std::uint64_t>(fbW) << 32 | unsigned(fbH));
  auto mix = [&h](const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      h = (h ^ word) * 0x100000001b3ull;
      h ^= h >> 29;
    }
    for (; i < bytes; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  };
  if (!dd) return h;
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    mix(list->VtxBuffer.Data, list->VtxBuffer.size_in_bytes());
    mix(list->IdxBuffer.Data, list->IdxBuffer.size_in_bytes());
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      mix(&cmd.TextureId, sizeof cmd.TextureId);
      mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
      mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
      mix(&cmd.ElemCount, sizeof cmd.ElemCount);
    }
  }
  return h;
}

std::string programName() {
  const char* name = program_invocation_short_name;
  return name && *name ? name : "<program>";
}

}  // namespace

Screen::~Screen() = default;

WindowApp::WindowApp(WindowOptions options) : m_options(std::move(options)) {}

core::Result<std::unique_ptr<WindowApp>> WindowApp::create(WindowOptions options) {
  if (options.uiMapPath.empty())
    if (const char* env = std::getenv("LPSE_UI_MAP"); env && *env) options.uiMapPath = env;
  if (options.uiScale <= 0) options.uiScale = 1.0f;

  std::unique_ptr<WindowApp> app(new WindowApp(std::move(options)));
  const WindowOptions& o = app->m_options;
  glfwSetErrorCallback(onGlfwError);
  g_creating = true;
  GlDriverScope driver;
  struct Done {
    ~Done() { g_creating = false; }
  } done;

  if (!glfwInit()) {
    const char* display = std::getenv("DISPLAY");
    const bool unset = !display || !*display;
    const std::string hint = "xvfb-run -a -s \"-screen 0 1920x1080x24\" " + programName();
    return core::makeError("no_display",
                           "Tidak dapat membuka jendela: " +
                               (unset ? std::string("tidak ada layar X (DISPLAY kosong)")
                                      : "layar X " + std::string(display) + " tidak dapat dibuka") +
                               ". Jalankan di bawah Xvfb, mis. " + hint,
                           "Cannot open a window: " +
                               (unset ? std::string("no X display (DISPLAY is not set)")
                                      : "the X display " + std::string(display) + " cannot be opened") +
                               ". Run under Xvfb, e.g. " + hint);
  }
  app->m_alive = true;  // from here ~WindowApp calls glfwTerminate

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_DECORATED, o.undecorated ? GLFW_FALSE : GLFW_TRUE);
  // Hidden until positioned, so it does not flash at the default spot.
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);

  GLFWmonitor* monitor = nullptr;
  int width = o.width, height = o.height;
  if (o.fullscreen) {
    monitor = glfwGetPrimaryMonitor();
    if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
      glfwWindowHint(GLFW_RED_BITS, mode->redBits);
      glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
      glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
      glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
      width = mode->width;
      height = mode->height;
    }
  }
  app->m_window = glfwCreateWindow(width, height, o.title.c_str(), monitor, nullptr);
  if (!app->m_window)
    return core::makeError("window_failed",
                           "Tidak dapat membuat jendela OpenGL 3.3: " + g_lastGlfwError + ".",
                           "Cannot create an OpenGL 3.3 window: " + g_lastGlfwError + ".");
  GLFWwindow* w = app->m_window;
  if (!monitor && o.posX >= 0 && o.posY >= 0) glfwSetWindowPos(w, o.posX, o.posY);
  glfwShowWindow(w);
  glfwMakeContextCurrent(w);
  glfwSwapInterval(1);
  if (o.hideCursor) glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

  // Installed before ImGui's, which chain to them: any input means "run
  // a few frames now", whatever ImGui makes of it.
  glfwSetWindowUserPointer(w, app.get());
  glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) { markInput(win); });
  glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int, int, int) { markInput(win); });
  glfwSetScrollCallback(w, [](GLFWwindow* win, double, double) { markInput(win); });
  glfwSetKeyCallback(w, [](GLFWwindow* win, int, int, int, int) { markInput(win); });
  glfwSetCharCallback(w, [](GLFWwindow* win, unsigned) { markInput(win); });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int) { markInput(win); });
  glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int) { onRefresh(win); });
  glfwSetWindowRefreshCallback(w, onRefresh);
  glfwSetFramebufferSizeCallback(w, [](GLFWwindow* win, int, int) { onRefresh(win); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  app->m_imguiReady = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk has no layout to remember
  io.LogFilename = nullptr;
  // A blinking caret would need 2 renders a second while a field is focused.
  io.ConfigInputTextCursorBlink = false;
  if (o.hideCursor) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  applyTheme(o.uiScale);
  if (!ImGui_ImplGlfw_InitForOpenGL(w, true) || !ImGui_ImplOpenGL3_Init("#version 330 core") ||
      !ImGui_ImplOpenGL3_CreateDeviceObjects())
    return core::makeError("renderer_failed", "Tidak dapat memulai perender OpenGL 3.3 ImGui.",
                           "Cannot start the ImGui OpenGL 3.3 renderer.");
  // The backend made its shader and, from the still empty atlas, a texture
  // of ImGui's small built-in font in RGBA. The atlas the screens use is
  // ours (uploadFonts(): one byte a texel), built before the first frame at
  // the scale the screen asks for in beforeFrame(); the backend's goes.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (auto error = loadFonts(o.uiScale)) std::fprintf(stderr, "lpse-ui: %s\n", error->c_str());

  UiMap::current().setOutputPath(o.uiMapPath);
  return app;
}

WindowApp::~WindowApp() {
  GlDriverScope driver;
  if (m_fontTexture != 0) {
    const GLuint id = m_fontTexture;
    glDeleteTextures(1, &id);
    m_fontTexture = 0;
  }
  if (m_imguiReady) {
    if (ImGui::GetIO().BackendRendererUserData) ImGui_ImplOpenGL3_Shutdown();
    if (ImGui::GetIO().BackendPlatformUserData) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  std::lock_guard lock(m_wakeMutex);
  if (m_window) glfwDestroyWindow(m_window);
  if (m_alive) glfwTerminate();
  m_alive = false;
}

void WindowApp::markInput(GLFWwindow* window) {
  static_cast<WindowApp*>(glfwGetWindowUserPointer(window))->m_inputSeen = true;
}

void WindowApp::onRefresh(GLFWwindow* window) {
  auto* app = static_cast<WindowApp*>(glfwGetWindowUserPointer(window));
  app->m_needsRedraw = true;
  app->m_inputSeen = true;
}

void WindowApp::wake() {
  m_woken = true;
  std::lock_guard lock(m_wakeMutex);
  if (m_alive) glfwPostEmptyEvent();
}

void WindowApp::requestClose() {
  m_closeRequested = true;
  wake();
}

// The font atlas on the GPU as one byte a texel (GL_R8, read as white with
// that alpha through the texture swizzle: what ImGui's backend does with
// RGBA, at a quarter of the memory; llvmpipe keeps textures in this process).
// The CPU copy and the font files are freed once uploaded: the next rebuild
// (loadFonts) makes them again.
void WindowApp::uploadFonts() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  GlDriverScope driver;
  GLint lastTexture = 0, lastAlignment = 4, lastRowLength = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &lastAlignment);
  glGetIntegerv(GL_UNPACK_ROW_LENGTH, &lastRowLength);
  if (m_fontTexture == 0) {
    GLuint id = 0;
    glGenTextures(1, &id);
    m_fontTexture = id;
  }
  glBindTexture(GL_TEXTURE_2D, m_fontTexture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  // Same texture name: the driver frees the previous atlas, one at a time.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glPixelStorei(GL_UNPACK_ALIGNMENT, lastAlignment);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, lastRowLength);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(lastTexture));
  atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_fontTexture)));
  atlas->ClearTexData();
  releaseFontSources();  // the font files too (about 1 MB): read again at the next rebuild
}

bool WindowApp::runFrame(Screen& screen, std::uint64_t index, double startTime, bool forceRender) {
  // The screen asks for the scale of this window size first, so the fonts
  // are built once, before the first frame, at the scale it is drawn at.
  int winW = 0, winH = 0;
  glfwGetWindowSize(m_window, &winW, &winH);
  screen.beforeFrame(ImVec2(static_cast<float>(winW), static_cast<float>(winH)));
  if (m_pendingScale > 0) {
    m_options.uiScale = m_pendingScale;
    m_pendingScale = 0;
    applyTheme(m_options.uiScale);
    if (auto error = loadFonts(m_options.uiScale)) std::fprintf(stderr, "lpse-ui: %s\n", error->c_str());
    m_fontsUploaded = false;
  }
  if (!m_fontsUploaded) {
    uploadFonts();
    m_fontsUploaded = true;
    forceRender = true;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImGuiIO& io = ImGui::GetIO();
  m_mouseHeld = io.MouseDown[0] || io.MouseDown[1] || io.MouseDown[2];

  int winX = 0, winY = 0;
  glfwGetWindowPos(m_window, &winX, &winY);
  UiMap& map = UiMap::current();
  map.beginFrame();
  map.setWindow(m_options.title, winX, winY, static_cast<int>(io.DisplaySize.x),
                static_cast<int>(io.DisplaySize.y));

  const double now = glfwGetTime();
  Frame frame{*this, io.DisplaySize, now - startTime,
              static_cast<float>(index == 0 ? 0.0 : now - m_lastFrameTime), index};
  m_lastFrameTime = now;
  screen.draw(frame);
  ImGui::Render();
  map.endFrame();

  int fbW = 0, fbH = 0;
  glfwGetFramebufferSize(m_window, &fbW, &fbH);
  const std::uint64_t hash = hashDrawData(ImGui::GetDrawData(), fbW, fbH);
  const bool changed = hash != m_lastHash;
  m_lastHash = hash;
  if (!changed && !forceRender) return false;

  glViewport(0, 0, fbW, fbH);
  const ImVec4 bg = colors::kBackground;
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  {
    GlDriverScope driver;
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  return true;
}

int WindowApp::run(Screen& screen) {
  StopSignals signals;
  const bool shooting = !m_options.screenshotPath.empty();
  const double start = glfwGetTime();
  double nextFrame = start;
  int burst = kBurstFrames;  // a new window needs two frames to lay out
  int settledFrames = 0;
  m_lastFrameTime = start;

  for (std::uint64_t index = 0;; ++index) {
    if (glfwWindowShouldClose(m_window) || m_closeRequested || g_stopSignal) break;

    const bool busy = shooting || burst > 0 || m_mouseHeld || screen.animating();
    if (index > 0) {
      const double wait = busy ? nextFrame - glfwGetTime() : kIdleWaitSeconds;
      if (wait > 0)
        glfwWaitEventsTimeout(wait);
      else
        glfwPollEvents();
    }
    if (m_inputSeen.exchange(false) || m_woken.exchange(false)) burst = kBurstFrames;
    const bool force = m_needsRedraw.exchange(false) || shooting;
    nextFrame = glfwGetTime() + kFramePeriod;

    const bool rendered = runFrame(screen, index, start, force);
    if (burst > 0) --burst;

    if (shooting) {
      settledFrames = screen.settled() ? settledFrames + 1 : 0;
      if (settledFrames >= kSettledFramesForShot) {
        int fbW = 0, fbH = 0;
        glfwGetFramebufferSize(m_window, &fbW, &fbH);
        if (auto error = saveBackBufferPng(fbW, fbH, m_options.screenshotPath)) {
          std::fprintf(stderr, "lpse-ui: %s\n", error->c_str());
          return 1;
        }
        return 0;
      }
      if (glfwGetTime() - start > m_options.screenshotTimeoutSeconds) {
        std::fprintf(stderr, "lpse-ui: the screen did not settle within %.0f s; no screenshot taken.\n",
                     m_options.screenshotTimeoutSeconds);
        return 1;
      }
    }
    if (rendered) {
      {
        GlDriverScope driver;
        glfwSwapBuffers(m_window);
      }
      screen.presented();
    }
  }
  return 0;
}

}  // namespace lpse::ui
