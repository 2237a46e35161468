/** The QCVN 102:2016 XML namespace, as in the VNPT VXP SDK samples. */
export const EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

/**
 * The prefix the builder binds to {@link EDXML_NAMESPACE}. Readers must not depend on it (the
 * parser resolves namespaces properly), but several receivers look elements up by the literal
 * `edXML:` name, so the builder always uses it.
 */
export const EDXML_PREFIX = "edXML";
