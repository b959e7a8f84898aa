#pragma once
// The few drawing moves the printed form needs (text that fits its box,
// wrapped paragraphs, boxes, check boxes) over a cairo context, in points.
// Used by lpse_form_pdf and by lpse_slip_pdf (the result slip); cairo's
// type is only named here.
#include <string>
#include <string_view>

struct _cairo;  // cairo_t

namespace lpse::form::pdf {

class Painter {
 public:
  explicit Painter(_cairo* cr) : m_cr(cr) {}

  void font(double size, bool bold = false, bool italic = false);
  void gray(double level);  // 0 black .. 1 white, for strokes and text
  double textWidth(std::string_view text) const;
  void text(double x, double baseline, std::string_view text);
  void textCentered(double centerX, double baseline, std::string_view text);

  void line(double x1, double y1, double x2, double y2, double width = 0.6);
  void box(double x, double y, double w, double h, double width = 0.6);
  void fill(double x, double y, double w, double h);
  void checkbox(double x, double top, double size, bool checked);

  // A field's value inside its box: one line at up to maxSize points,
  // shrinking to fit; two lines when one would get too small.
  void fitText(double x, double y, double w, double h, std::string_view text, double maxSize);
  // Word-wrapped text from `top`; returns the y below the last line.
  double paragraph(double x, double top, double w, std::string_view text, double size, double leading = 1.3);

 private:
  _cairo* m_cr;
  double m_size = 10;
  bool m_bold = false, m_italic = false;
};

}  // namespace lpse::form::pdf
