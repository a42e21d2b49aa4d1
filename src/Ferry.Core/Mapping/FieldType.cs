namespace Ferry.Core.Mapping;

public enum FieldType
{
    String,
    Decimal,
    Integer,
    Date,
    Boolean,
}
