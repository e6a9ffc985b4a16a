using System.Reflection;
using System.Reflection.Emit;

namespace Pinger.Server.Tests.Infrastructure;

/// <summary>
/// Every type one type uses: its signatures (base type, interfaces, fields, properties, parameters, returns, locals)
/// and every type, field or method token in its method bodies, so a reference written with a fully qualified name or
/// hidden in a lambda counts as much as one with a <c>using</c>.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> uses, generic arguments and element types unfolded.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var used in type.GetInterfaces())
        {
            Add(found, used);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(found, property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo { ReturnType: var returned })
            {
                Add(found, returned);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            if (method.GetMethodBody() is { } body)
            {
                foreach (var local in body.LocalVariables)
                {
                    Add(found, local.LocalType);
                }

                foreach (var member in BodyMembers(method, body.GetILAsByteArray() ?? []))
                {
                    AddMember(found, member);
                }
            }
        }

        return found;
    }

    /// <summary>The methods and fields the bodies of <paramref name="type"/> call or touch.</summary>
    public static IEnumerable<MemberInfo> MembersUsedBy(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))
            .SelectMany(m => m.GetMethodBody() is { } body ? BodyMembers(m, body.GetILAsByteArray() ?? []) : []);

    private static void AddMember(HashSet<Type> found, MemberInfo member)
    {
        switch (member)
        {
            case Type used:
                Add(found, used);
                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
            case MethodBase method:
                Add(found, method.DeclaringType);
                if (method is MethodInfo info)
                {
                    Add(found, info.ReturnType);
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        Add(found, argument);
                    }
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(found, parameter.ParameterType);
                }

                break;
        }
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }

        if (type.IsConstructedGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }

            type = type.GetGenericTypeDefinition();
        }

        found.Add(type);
    }

    // Walks the IL opcode by opcode and resolves the tokens that name a type, a field or a method.
    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!;
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
