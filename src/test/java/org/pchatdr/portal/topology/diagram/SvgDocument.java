package org.pchatdr.portal.topology.diagram;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A rendered diagram parsed as XML, with no DTD and no external entities, and queried by XPath. */
final class SvgDocument {

    final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return new SvgDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    Element root() {
        return document.getDocumentElement();
    }

    List<Element> all(String xpath) {
        return all(document, xpath);
    }

    static List<Element> all(Object context, String xpath) {
        try {
            NodeList nodes =
                    (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    Element one(String xpath) {
        List<Element> found = all(xpath);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements for " + xpath);
        }
        return found.getFirst();
    }

    /** The texts of the {@code <text>} children, in order, without the hover title. */
    static List<String> texts(Element element) {
        return all(element, ".//*[local-name()='text']").stream()
                .map(Element::getTextContent)
                .toList();
    }

    static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    /** The outline of a server, a witness or a database copy, from its first shape. */
    static double[] box(Element group) {
        Element rect = all(group, "./*[local-name()='rect' and not(@class)]").stream()
                .findFirst()
                .orElse(null);
        if (rect != null) {
            return new double[] {number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height")};
        }
        if (all(group, "./*[local-name()='ellipse']").isEmpty()) {
            return pathBox(all(group, "./*[local-name()='path']").getFirst().getAttribute("d"));
        }
        Element ellipse = all(group, "./*[local-name()='ellipse']").getFirst();
        Element body = all(group, "./*[local-name()='path']").getFirst();
        double cx = number(ellipse, "cx");
        double rx = number(ellipse, "rx");
        double ry = number(ellipse, "ry");
        double top = number(ellipse, "cy") - ry;
        String[] moves = body.getAttribute("d").split(" ");
        double bottom = Double.parseDouble(moves[1].substring(1)) + ry;
        return new double[] {cx - rx, top, 2 * rx, bottom - top};
    }

    /** The bounds of a path made of M, H, L and V commands only. */
    private static double[] pathBox(String d) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (String token : d.split(" ")) {
            char command = token.charAt(0);
            if (command == 'Z') {
                continue;
            }
            String[] values = token.substring(1).split(",");
            if (command == 'M' || command == 'L') {
                minX = Math.min(minX, Double.parseDouble(values[0]));
                maxX = Math.max(maxX, Double.parseDouble(values[0]));
                minY = Math.min(minY, Double.parseDouble(values[1]));
                maxY = Math.max(maxY, Double.parseDouble(values[1]));
            } else if (command == 'H') {
                minX = Math.min(minX, Double.parseDouble(values[0]));
                maxX = Math.max(maxX, Double.parseDouble(values[0]));
            } else if (command == 'V') {
                minY = Math.min(minY, Double.parseDouble(values[0]));
                maxY = Math.max(maxY, Double.parseDouble(values[0]));
            }
        }
        return new double[] {minX, minY, maxX - minX, maxY - minY};
    }
}
