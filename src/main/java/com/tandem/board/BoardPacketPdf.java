package com.tandem.board;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The board packet as a PDF: the sections of {@link BoardPacket}, laid out for reading on paper or
 * on screen. {@link #forRequest(String)} is what a mail attaches and what the API serves.
 */
@Component
public class BoardPacketPdf {

  private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
  private static final Color SHADE = new Color(0xee, 0xf2, 0xf7);
  private static final Font TITLE = new Font(Font.HELVETICA, 17, Font.BOLD, ACCENT);
  private static final Font HEADING = new Font(Font.HELVETICA, 12.5f, Font.BOLD, ACCENT);
  private static final Font SUBHEADING = new Font(Font.HELVETICA, 10.5f, Font.BOLD);
  private static final Font BODY = new Font(Font.HELVETICA, 9.5f);
  private static final Font LABEL = new Font(Font.HELVETICA, 9.5f, Font.BOLD);
  private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.ITALIC, Color.DARK_GRAY);

  private final BoardPackets packets;

  public BoardPacketPdf(BoardPackets packets) {
    this.packets = packets;
  }

  /**
   * The PDF of the case's board packet (a request's, a finding's) as it stands now (for the board's
   * mail, the API).
   */
  public byte[] forRequest(String requestId) {
    return render(packets.packet(requestId));
  }

  byte[] render(BoardPacket packet) {
    var out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(packet.title());
      document.addCreator("Tandem");
      document.open();
      write(document, packet);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The board packet of " + packet.requestId() + " failed", e);
    }
    return out.toByteArray();
  }

  private static void write(Document doc, BoardPacket packet) throws DocumentException {
    var r = packet.request();
    doc.add(new Paragraph(packet.title(), TITLE));
    doc.add(
        spaced(
            new Paragraph(
                r != null
                    ? "The marketing and IT leaderships ask the board to decide on this purchase and"
                        + " the budget it needs."
                    : packet.renewal() != null
                        ? "The marketing and IT leaderships ask the board for the budget to renew"
                            + " this tool for another term: its budget line cannot carry it."
                        : "The marketing and IT leaderships ask the board for the budget to adopt"
                            + " this tool, found in use without a purchase request.",
                SMALL),
            4,
            10));

    if (r != null) {
      heading(doc, "1. The request");
      PdfPTable request = pairs();
      pair(request, "Tool", r.toolName());
      pair(
          request,
          "Vendor",
          r.vendor() + (r.vendorUrl() == null ? "" : " (" + r.vendorUrl() + ")"));
      pair(request, "Requested by", r.requestedBy());
      pair(request, "Capabilities", r.capabilities());
      pair(request, "Integrations", r.integrations());
      pair(request, "Seats", r.seats());
      pair(request, "Contract term", r.term());
      pair(request, "Needed by", r.neededBy());
      pair(request, "Personal data", r.personalData());
      pair(request, "Single sign-on", r.sso());
      pair(request, "Data export and deletion", r.dataExport());
      doc.add(request);
      doc.add(new Paragraph("Why the requester needs it", SUBHEADING));
      doc.add(spaced(new Paragraph(r.businessJustification(), BODY), 2, 6));
    } else if (packet.renewal() != null) {
      var n = packet.renewal();
      heading(doc, "1. The renewal");
      PdfPTable renewal = pairs();
      pair(renewal, "Tool", n.toolName());
      pair(renewal, "Vendor", n.vendor());
      pair(renewal, "Owner", n.owner());
      pair(renewal, "Contract ends", n.contractEnds());
      pair(renewal, "Cost today", n.currentCost());
      pair(renewal, "Seats bought", n.seatsBought());
      pair(renewal, "Usage", n.usage());
      pair(renewal, "Seats next term", n.nextSeats());
      pair(renewal, "The vendor asked", n.askedCost());
      pair(renewal, "Negotiated for the next term", n.nextTermCost());
      pair(renewal, "Negotiation note", n.negotiationNote());
      pair(renewal, "Charged to", "The marketing line of " + n.fiscalYear());
      doc.add(renewal);
      doc.add(new Paragraph("The renewal reviews", SUBHEADING));
      PdfPTable reviews = pairs();
      pair(reviews, "Marketing leadership", n.marketingReview());
      pair(reviews, "Their comment", n.marketingComment());
      pair(reviews, "IT leadership", n.itReview());
      pair(reviews, "Their comment", n.itComment());
      doc.add(reviews);
    } else {
      var u = packet.inUse();
      heading(doc, "1. The tool in use (shadow-IT finding)");
      PdfPTable inUse = pairs();
      pair(inUse, "Tool", u.toolName());
      pair(inUse, "Vendor", u.vendor());
      pair(inUse, "Owner", u.owner() + " (" + u.team() + ")");
      pair(inUse, "Users seen", u.usersSeen());
      pair(inUse, "Spend seen", u.spendSeen());
      pair(inUse, "First seen", u.firstSeen());
      pair(inUse, "Seen in", u.seenIn());
      pair(inUse, "Personal data", u.personalData());
      pair(inUse, "Single sign-on", u.sso());
      pair(inUse, "Adopting it commits", u.annualCost());
      doc.add(inUse);
      doc.add(
          spaced(
              new Paragraph(
                  "Nobody requested this tool: discovery found it in use. The reviews below judged"
                      + " it as it is used today.",
                  BODY),
              2,
              6));
    }

    heading(doc, "2. What it costs");
    var c = packet.cost();
    PdfPTable cost = pairs();
    pair(cost, "Licence", c.annualLicense());
    pair(cost, "Implementation", c.implementation());
    pair(cost, "First year", c.firstYear());
    pair(cost, "Total over " + c.term(), c.totalOverTerm());
    doc.add(cost);
    PdfPTable years = table(new float[] {2, 2, 4}, "Year", "Cost", "Made of");
    for (BoardPacket.Year year : c.years()) {
      cells(years, year.label(), year.amount(), year.made());
    }
    doc.add(years);

    heading(doc, "3. What we own that overlaps");
    if (packet.ownedOverlaps().isEmpty()) {
      doc.add(
          new Paragraph(
              r != null
                  ? "No tool we own covers this request."
                  : packet.renewal() != null
                      ? "No overlap was checked: this is a tool we own, up for renewal."
                      : "No overlap was checked: the tool is already in use.",
              BODY));
    } else {
      PdfPTable owned =
          table(new float[] {3, 3, 3, 2, 2}, "Tool", "Overlap", "Cost", "Owner", "Renewal");
      for (BoardPacket.OwnedTool tool : packet.ownedOverlaps()) {
        cells(
            owned,
            tool.name() + " (" + tool.vendor() + ")",
            tool.why(),
            tool.annualCost(),
            tool.owner(),
            tool.renewal());
      }
      doc.add(owned);
    }
    if (!packet.openRequests().isEmpty()) {
      doc.add(spaced(new Paragraph("Other open requests for the same", SUBHEADING), 6, 2));
      PdfPTable open =
          table(new float[] {2, 3, 3, 2, 2}, "Request", "Tool", "Overlap", "By", "Status");
      for (BoardPacket.OpenRequest other : packet.openRequests()) {
        cells(
            open,
            other.requestId(),
            other.toolName() + " (" + other.vendor() + ")",
            other.why(),
            other.requestedBy(),
            other.status());
      }
      doc.add(open);
    }
    if (packet.newToolJustification() != null) {
      doc.add(spaced(new Paragraph("Why none of them fits, says the requester", SUBHEADING), 6, 2));
      doc.add(new Paragraph(packet.newToolJustification(), BODY));
    }

    heading(doc, "4. Reviews and decisions");
    if (packet.reviews().isEmpty()) {
      doc.add(new Paragraph("No decision yet.", BODY));
    }
    for (BoardPacket.Review review : packet.reviews()) {
      Paragraph title = new Paragraph();
      title.add(new Chunk(review.step() + ": ", SUBHEADING));
      title.add(new Chunk(review.decision(), SUBHEADING));
      // a decision, who took it and their comment stay on one page when they fit on one
      PdfPTable block = new PdfPTable(1);
      block.setWidthPercentage(100);
      block.setKeepTogether(true);
      block.setSpacingBefore(6);
      PdfPCell cell = new PdfPCell();
      cell.setBorder(PdfPCell.NO_BORDER);
      cell.setPadding(0);
      cell.addElement(title);
      cell.addElement(new Paragraph("by " + review.by() + ", " + review.at(), SMALL));
      cell.addElement(spaced(new Paragraph(review.comment(), BODY), 2, 2));
      block.addCell(cell);
      doc.add(block);
      if (!review.checklist().isEmpty()) {
        PdfPTable checks = table(new float[] {6, 1}, "Checklist", "Result");
        for (BoardPacket.Check check : review.checklist()) {
          cells(checks, check.item(), check.result());
        }
        doc.add(checks);
      }
    }

    heading(doc, "5. The money, per budget line (" + packet.budget().fiscalYear() + ")");
    PdfPTable lines =
        table(
            new float[] {3, 2, 2, 2, 2, 2, 2},
            "Line",
            "Available",
            "Held",
            "Committed",
            r != null ? "This request needs" : "Adopting needs",
            "Lacking",
            "Proposed raise");
    for (BoardPacket.Line line : packet.budget().lines()) {
      cells(
          lines,
          line.line() + "\n(line " + line.amount() + ")",
          line.available(),
          line.held(),
          line.committed(),
          line.needed(),
          line.shortfall(),
          line.proposedRaise());
    }
    doc.add(lines);
    doc.add(spaced(new Paragraph(packet.budget().verdict(), BODY), 4, 0));

    heading(doc, "6. The joint proposal");
    var p = packet.proposal();
    if (p == null) {
      doc.add(new Paragraph("No budget proposal was made yet.", BODY));
    } else {
      PdfPTable proposal = pairs();
      pair(proposal, "Raise the marketing line by", p.marketingRaise());
      pair(proposal, "Raise the IT line by", p.itRaise());
      pair(proposal, "In all", p.total());
      pair(proposal, "Co-signed by", p.cosignedBy());
      pair(proposal, "Co-signature", p.cosignComment());
      doc.add(proposal);
      doc.add(new Paragraph("Why, say the leaderships", SUBHEADING));
      doc.add(new Paragraph(p.justification(), BODY));
    }
  }

  private static void heading(Document doc, String text) throws DocumentException {
    doc.add(spaced(new Paragraph(text, HEADING), 14, 4));
  }

  private static Paragraph spaced(Paragraph paragraph, float before, float after) {
    paragraph.setSpacingBefore(before);
    paragraph.setSpacingAfter(after);
    return paragraph;
  }

  private static PdfPTable pairs() {
    PdfPTable table = new PdfPTable(new float[] {1.8f, 3.2f});
    table.setWidthPercentage(100);
    table.setSpacingAfter(6);
    return table;
  }

  private static void pair(PdfPTable table, String label, String value) {
    PdfPCell name = new PdfPCell(new Phrase(label, LABEL));
    name.setBorder(PdfPCell.NO_BORDER);
    name.setPadding(2.5f);
    PdfPCell text = new PdfPCell(new Phrase(value == null ? "—" : value, BODY));
    text.setBorder(PdfPCell.NO_BORDER);
    text.setPadding(2.5f);
    table.addCell(name);
    table.addCell(text);
  }

  private static PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(2);
    table.setSpacingAfter(6);
    for (String header : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(header, LABEL));
      cell.setBackgroundColor(SHADE);
      cell.setPadding(3);
      table.addCell(cell);
    }
    return table;
  }

  private static void cells(PdfPTable table, String... values) {
    for (String value : List.of(values)) {
      PdfPCell cell = new PdfPCell(new Phrase(value == null ? "—" : value, BODY));
      cell.setPadding(3);
      cell.setVerticalAlignment(Element.ALIGN_TOP);
      table.addCell(cell);
    }
  }
}
