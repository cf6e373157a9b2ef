package dev.upshift.io.csv;

import dev.upshift.input.InputErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the RFC 4180 structure of the decoded text character by character, alongside the parser,
 * to find what FastCSV accepts without a word: text after a closing quote, a quoted cell that is
 * never closed, and (fed by {@link CheckedUtf8Reader}) bytes that are not UTF-8. Each problem is
 * tagged with the physical line its record starts on and the index of its cell, so that it can be
 * attached to the row the parser emits for that line.
 *
 * <p>It counts lines as FastCSV does: CR, LF and CRLF each end a line, also inside quoted cells;
 * empty lines start no record. Where FastCSV's own recovery is unreliable (text after a closing
 * quote, a lone CR inside a quoted cell, a quote never closed) the problem is fatal: the reader
 * stops, so a misread row can never be taken as data. A property test checks all this against an
 * independent reference reader. Not thread-safe.
 */
final class CsvSyntaxTracker {
  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE }

  private final ArrayDeque<SyntaxProblem> problems = new ArrayDeque<>();
  private State state = State.FIELD_START;
  private long line = 1;
  private boolean previousWasCr;
  private boolean crInQuotedCell;
  private boolean inRecord;
  private long recordLine;
  private int field;
  private long quoteLine;
  private boolean ended;

  /** Follows one decoded character. */
  void accept(char c) {
    if (crInQuotedCell) {
      crInQuotedCell = false;
      if (c != '\n') {
        loneCrInQuotedCell();
      }
    }
    if (c == '\n' && previousWasCr) {
      previousWasCr = false; // the LF of a CRLF: the line break was counted at the CR
      return;
    }
    previousWasCr = c == '\r';
    if (c == '\n' || c == '\r') {
      if (state == State.QUOTED && c == '\r') {
        crInQuotedCell = true;
      } else if (state != State.QUOTED) {
        inRecord = false;
        state = State.FIELD_START;
      }
      line++;
      return;
    }
    if (!inRecord) {
      inRecord = true;
      recordLine = line;
      field = 0;
    }
    switch (state) {
      case FIELD_START -> {
        if (c == '"') {
          state = State.QUOTED;
          quoteLine = line;
        } else if (c == ',') {
          field++;
        } else {
          state = State.UNQUOTED;
        }
      }
      case UNQUOTED -> nextFieldIfComma(c);
      case QUOTED -> {
        if (c == '"') {
          state = State.QUOTE_IN_QUOTED;
        }
      }
      case QUOTE_IN_QUOTED -> {
        if (c == '"') {
          state = State.QUOTED; // "" is one literal quote
        } else if (c == ',') {
          field++;
          state = State.FIELD_START;
        } else if (c == ' ' || c == '\t') {
          state = State.AFTER_CLOSING_QUOTE; // cells are trimmed, so spaces here are harmless
        } else {
          textAfterQuote();
        }
      }
      case AFTER_CLOSING_QUOTE -> {
        if (c == ',') {
          field++;
          state = State.FIELD_START;
        } else if (c != ' ' && c != '\t') {
          textAfterQuote();
        }
      }
      default -> throw new AssertionError(state);
    }
  }

  private void nextFieldIfComma(char c) {
    if (c == ',') {
      field++;
      state = State.FIELD_START;
    }
  }

  /**
   * Fatal: after such text the parser's recovery is not reliable (it may re-enter quoted mode at a
   * later quote and swallow the following rows), so no row after it can be trusted.
   */
  private void textAfterQuote() {
    add(new SyntaxProblem(recordLine, field, InputErrorCode.TEXT_AFTER_QUOTE,
        "text after the closing quote; a quoted cell must end at its closing quote"
            + " (write \"\" for a quote inside a quoted cell); the rest of the file was not read",
        true));
    state = State.UNQUOTED;
  }

  /**
   * Fatal: FastCSV 3.4 drops or merges the record of a quoted cell holding a CR that is not part of
   * a CRLF, and miscounts the lines after it, so nothing from here on can be trusted. Such files
   * come from old Mac tools and are rare; saving them with LF or CRLF line breaks fixes them.
   */
  private void loneCrInQuotedCell() {
    add(new SyntaxProblem(recordLine, field, InputErrorCode.LONE_CARRIAGE_RETURN,
        "a quoted cell contains a line break that is a lone carriage return (CR), which cannot"
            + " be read reliably; save the file with LF or CRLF line breaks; the rest of the file"
            + " was not read", true));
  }

  /**
   * Notes bytes that are not UTF-8 at the current position; the reader then feeds U+FFFD in their
   * place, which this call accounts for.
   */
  void invalidUtf8(String bytesInHex) {
    accept('\uFFFD');
    String where = line == recordLine ? "" : " on line " + line;
    add(new SyntaxProblem(recordLine, field, InputErrorCode.NOT_UTF8,
        "contains bytes that are not UTF-8 (" + bytesInHex + where + "); save the file as UTF-8",
        false));
  }

  /** Marks the end of the text; a quoted cell still open there is never closed. */
  void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (state == State.QUOTED) {
      add(new SyntaxProblem(recordLine, field, InputErrorCode.UNTERMINATED_QUOTE,
          "unterminated quote: the quoted cell opened on line " + quoteLine
              + " has no closing quote, so every line after it was read into this cell", true));
    }
  }

  /** One problem per cell is enough: a Latin-1 name with three accents is one error. */
  private void add(SyntaxProblem problem) {
    SyntaxProblem last = problems.peekLast();
    if (last != null && last.recordLine() == problem.recordLine() && last.field() == problem.field()) {
      return;
    }
    problems.addLast(problem);
  }

  /**
   * Removes and returns the problems of records starting before or on {@code recordLine}, in text
   * order. Records are emitted in line order, so problems of earlier lines belong to no row the
   * caller will see (they are reported at their own line).
   */
  List<SyntaxProblem> drainUpTo(long recordLine) {
    List<SyntaxProblem> drained = new ArrayList<>(0);
    while (!problems.isEmpty() && problems.peekFirst().recordLine() <= recordLine) {
      drained.add(problems.pollFirst());
    }
    return drained;
  }

  /** Removes and returns every problem not drained yet. */
  List<SyntaxProblem> drainAll() {
    return drainUpTo(Long.MAX_VALUE);
  }
}
