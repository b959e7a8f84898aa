// The baseline of the kiosk's memory figure (run_kiosk_memory_bench.sh): a
// bare GLFW + OpenGL 3.3 core + Dear ImGui 1.86 window, Debian's libimgui as
// the project links it, with nothing of ours: one ImGui window with the
// default font (ProggyClean 13 px, ImGui's own RGBA atlas) and a line of
// text. Same window hints as kiosk/ui/window_app.cpp, and the same idle
// wait (glfwWaitEventsTimeout) so it does not spin a core while measured.
//   bare_imgui_window [--size WxH] [--ready FILE]
// --ready: written after the first frame is drawn (the bench waits on it).
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

volatile std::sig_atomic_t g_stop = 0;
void onStop(int) { g_stop = 1; }

}  // namespace

int main(int argc, char** argv) {
  int width = 1920, height = 1080;
  std::string ready;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--size") && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0) {
        std::fprintf(stderr, "bare_imgui_window: --size wants WxH, e.g. 1920x1080\n");
        return 64;
      }
    } else if (!std::strcmp(argv[i], "--ready") && i + 1 < argc) {
      ready = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bare_imgui_window [--size WxH] [--ready FILE]\n");
      return 64;
    }
  }
  std::signal(SIGTERM, onStop);
  std::signal(SIGINT, onStop);
  if (!glfwInit()) {
    std::fprintf(stderr, "bare_imgui_window: no X display (run under xvfb-run)\n");
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(width, height, "bare ImGui window", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "bare_imgui_window: cannot create an OpenGL 3.3 window\n");
    glfwTerminate();
    return 2;
  }
  glfwSetWindowPos(window, 0, 0);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  for (long frame = 0; !glfwWindowShouldClose(window) && !g_stop; ++frame) {
    if (frame > 0) glfwWaitEventsTimeout(0.25);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("bare");
    ImGui::TextUnformatted("A bare GLFW + OpenGL 3 + Dear ImGui window.");
    ImGui::End();
    ImGui::Render();
    int fbW = 0, fbH = 0;
    glfwGetFramebufferSize(window, &fbW, &fbH);
    glViewport(0, 0, fbW, fbH);
    glClearColor(0.04f, 0.09f, 0.18f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (frame == 0 && !ready.empty()) {
      if (FILE* f = std::fopen(ready.c_str(), "w")) {
        std::fputs("drawn\n", f);
        std::fclose(f);
      }
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
