namespace Ferry.Core.Values;

public enum BalanceSide
{
    Dr,
    Cr,
}
